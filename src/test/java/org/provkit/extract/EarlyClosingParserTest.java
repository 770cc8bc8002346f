package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.provkit.bag.ChecksumAlgorithm;

/**
 * Issue 16: Tika's WARC parser closes its stream before the end of a file larger than the in-memory limit; the
 * rest of the file must still be digested, not fail with ClosedChannelException (which, in a child, aborted
 * the whole bundle).
 */
class EarlyClosingParserTest {

    @TempDir
    Path tmp;

    @Test
    void aFileWhoseParserClosesTheStreamIsStillDigestedToTheEnd() throws Exception {
        Path warc = tmp.resolve("crawl.warc.gz");
        Random random = new Random(16);
        try (WarcWriter writer = new WarcWriter(warc)) {
            // A few large records of noise (gzip cannot shrink it): past the in-memory limit, quick to parse.
            for (int i = 0; writer.position() < TikaExtractor.SMALL_FILE + (1 << 20); i++) {
                byte[] body = new byte[1 << 20];
                random.nextBytes(body);
                writer.write(new WarcResponse.Builder("https://news.example/" + i).date(Instant.EPOCH)
                        .body(new HttpResponse.Builder(200, "OK").body(MediaType.OCTET_STREAM, body).build()).build());
            }
        }
        Extraction extraction = new TikaExtractor(TextLimits.defaults()).extract(warc, tmp.resolve("t.txt"));
        assertThat(extraction.digests().bytes()).isEqualTo(Files.size(warc));
        assertThat(extraction.digests().sha256())
                .isEqualTo(HexFormat.of().formatHex(ChecksumAlgorithm.SHA256.newDigest().digest(Files.readAllBytes(warc))));
    }
}
