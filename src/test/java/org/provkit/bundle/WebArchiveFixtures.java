package org.provkit.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.provkit.TestFiles;
import org.provkit.container.TestWarcs;

/** Containers the issue-16 tests read: a zip of two articles, a WARC of three news pages, a crawl with gaps. */
final class WebArchiveFixtures {

    static final Instant T = Instant.parse("2024-05-01T12:00:00Z");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final String EFE = """
            El Gobierno español aprueba un plan de vivienda

            MADRID, 4 mar (EFE).- El Consejo de Ministros aprobó este martes un plan para construir 20.000 viviendas \
            de alquiler asequible en los próximos cinco años, informó el Ministerio de Vivienda.

            El plan, dotado con 1.500 millones de euros, se financiará con fondos europeos y de las comunidades autónomas.
            """;

    private WebArchiveFixtures() {
    }

    /** The seed article (Prensa Latina → Radio Habana Cuba) and an unrelated EFE story. */
    static Path twoArticlesZip(Path dir) throws IOException {
        Path zip = dir.resolve("two-articles.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("articles/seed.txt"));
            out.write(Files.readAllBytes(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt")));
            out.putNextEntry(new ZipEntry("articles/efe.txt"));
            out.write(EFE.getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }

    /** Three captured news pages of three publishers and agencies, 30 s apart, by one crawler. */
    static Path newsWarc(Path dir) throws IOException {
        return TestWarcs.create().warcinfo("Heritrix/3.4.0-20220727", "Example National Library")
                .page("https://www.radiohc.cu/fr/noticias/nacionales/1-xi", T, page("Xi Jinping ratifie l'amitié",
                        "La Havane, 30 août, (PL) Le président chinois a ratifié ce lundi l'amitié entre les deux pays."))
                .page("https://www.efe.com/espana/2024-03-04/plan-vivienda", T.plusSeconds(30), page("Plan de vivienda",
                        "MADRID, 4 mar (EFE).- El Consejo de Ministros aprobó este martes un plan de vivienda asequible."))
                .page("https://www.cubadebate.cu/noticias/2024/03/03/vietnam", T.plusSeconds(60), page("Cuba y Vietnam",
                        "La Habana, 3 mar (ACN) El Presidente cubano recibió este lunes a una delegación vietnamita."))
                .write(dir.resolve("news.warc.gz"));
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>"
                + title + "</h1><p>" + body + "</p><p>" + body + "</p></article></body></html>";
    }

    /**
     * Two captured pages and some of their images: page a embeds a captured image, an uncaptured one, a srcset
     * half captured, a picture source not captured, a video poster captured with 404, and an og:image captured
     * through a redirect in {@link #imagesWarc}; page b only the captured image.
     */
    static Path pagesWarc(Path dir) throws IOException {
        String html = """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Rail line reopens</title>
                <meta property="og:image" content="https://cdn.example/og.jpg">
                </head><body><article><h1>Rail line reopens</h1>
                <img src="/img/present.jpg" alt="bridge">
                <img src="/img/absent.jpg" alt="station">
                <img srcset="/img/s-1x.jpg 1x, /img/s-2x.jpg 2x" alt="train">
                <picture><source srcset="/img/p.webp" type="image/webp"><img src="/img/present.jpg" alt="again"></picture>
                <video poster="/img/poster.jpg" src="/v/clip.mp4"></video>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="pixel">
                <p>The line reopened on Monday after flood repairs, the operator said.</p>
                </article></body></html>
                """;
        return TestWarcs.create()
                .page("https://news.example/a.html", T, html)
                .page("https://news.example/b.html", T.plusSeconds(1),
                        "<html><head><title>B</title></head><body><p>Only a captured image here.</p><img src=\"img/../img/present.jpg\"></body></html>")
                .response("https://news.example/img/present.jpg", T.plusSeconds(2), 200, "image/jpeg", JPEG)
                .response("https://news.example/img/poster.jpg", T.plusSeconds(3), 404, "text/html", "not found".getBytes(StandardCharsets.UTF_8))
                .write(dir.resolve("pages.warc.gz"));
    }

    /** Another file of the same crawl: its captures count for the pages of {@link #pagesWarc}. */
    static Path imagesWarc(Path dir) throws IOException {
        return TestWarcs.create()
                .response("https://news.example/img/s-1x.jpg", T.plusSeconds(4), 200, "image/jpeg", JPEG)
                .response("https://cdn.example/og.jpg", T.plusSeconds(5), 301, "text/html", new byte[0])
                .response("https://cdn.example/og.jpg/moved", T.plusSeconds(6), 200, "image/jpeg", JPEG)
                .write(dir.resolve("images.warc"));
    }
}
