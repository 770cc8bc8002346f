import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Random;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The same N news pages twice: as loose HTML files (DIR/pages/NNNNNN.html) and as the responses of one
 * crawl (DIR/crawl.warc.gz, one gzip member per record, digests as crawlers write them). Each page is about
 * BYTES long, with an agency dateline, a publisher and two images (one the crawl also holds).
 *
 *   java -cp target/provkit.jar bench/WebArchiveCorpus.java DIR N BYTES [warc-only]
 */
public class WebArchiveCorpus {
    private static final String[] AGENCIES = {"PL", "EFE", "AFP", "Reuters", "ACN", "AP"};
    private static final String[] HOSTS = {"www.radiohc.cu", "www.cubadebate.cu", "news.example.org", "www.granma.cu"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int pages = Integer.parseInt(args[1]);
        int bytes = Integer.parseInt(args[2]);
        boolean warcOnly = args.length > 3;
        Path loose = Files.createDirectories(dir.resolve("pages"));
        Random random = new Random(16);
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        try (WarcWriter warc = new WarcWriter(dir.resolve("crawl.warc.gz"))) {
            for (int i = 0; i < pages; i++) {
                String host = HOSTS[i % HOSTS.length];
                String url = "https://" + host + "/noticias/2024/05/" + i + ".html";
                byte[] html = page(i, host, random, bytes).getBytes(StandardCharsets.UTF_8);
                if (!warcOnly) {
                    Files.write(loose.resolve(String.format("%06d.html", i)), html);
                }
                HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.HTML_UTF8, html).build();
                byte[] header = http.serializeHeader();
                byte[] block = new byte[header.length + html.length];
                System.arraycopy(header, 0, block, 0, header.length);
                System.arraycopy(html, 0, block, header.length, html.length);
                warc.write(new WarcResponse.Builder(url).date(start.plusSeconds(i)).blockDigest(sha1(block))
                        .payloadDigest(sha1(html)).body(http).build());
            }
        }
    }

    static String page(int i, String host, Random random, int bytes) {
        StringBuilder text = new StringBuilder();
        while (text.length() < bytes) {
            for (int w = 0; w < 12; w++) {
                int length = 2 + random.nextInt(9);
                for (int c = 0; c < length; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(' ');
            }
            text.append(". ");
        }
        String agency = AGENCIES[i % AGENCIES.length];
        return "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Nota " + i + "</title>"
                + "<meta property=\"og:image\" content=\"/img/" + i + "-lead.jpg\"></head><body><article><h1>Nota " + i + "</h1>"
                + "<p>La Habana, 3 may (" + agency + ") " + text + "</p><img src=\"/img/" + i + ".jpg\">"
                + "<p>Tomado de " + host + "</p></article></body></html>";
    }

    static WarcDigest sha1(byte[] bytes) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(bytes);
        return new WarcDigest(sha1);
    }
}
