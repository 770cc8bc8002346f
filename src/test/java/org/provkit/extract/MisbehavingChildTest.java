package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.TestFiles;
import org.provkit.bag.ChecksumAlgorithm;

/**
 * Issue 16: whatever a child does, the file it was given gets a FAILED extraction with a warning saying
 * what happened, its checksums are still right, and the next file is served. Each test stands a shell
 * script in for the child, so each misbehaviour happens for sure.
 */
class MisbehavingChildTest {

    @TempDir
    Path tmp;

    private final Path seed = TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt");

    /** A child that reads each request and runs {@code answer} for it (the shell's {@code $line} is the request). */
    private ForkedExtractor child(String answer, int maxAnswerBytes) {
        String script = "while read -r line; do " + answer + "; done";
        return new ForkedExtractor(ForkedExtractor.Settings.defaults(1),
                () -> new ProcessBuilder("sh", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD).start(), maxAnswerBytes);
    }

    private static final String DETECTED = "echo '@provkit {\"detected\":\"application/warc\"}'";

    @Test
    void anErrorTheChildReportsIsAWarningOnThatFile() throws Exception {
        try (ForkedExtractor extractor = child(DETECTED + "; echo '@provkit {\"error\":\"java.nio.channels.ClosedChannelException\"}'",
                ForkedExtractor.MAX_ANSWER_BYTES)) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertFailedButChecksummed(extraction);
            assertThat(extraction.mediaType()).isEqualTo("application/warc");
            assertThat(extraction.warnings()).singleElement().asString()
                    .isEqualTo("text extraction failed: the parser failed without a message; the file is archived without text");
            assertFailedButChecksummed(extractor.extract(seed, tmp.resolve("u.txt")));
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsAWarningAndTheChildIsReplaced() throws Exception {
        try (ForkedExtractor extractor = child(DETECTED + "; echo '@provkit {\"extraction\": tru'", ForkedExtractor.MAX_ANSWER_BYTES)) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertFailedButChecksummed(extraction);
            assertThat(extraction.warnings()).anyMatch(w -> w.contains("could not be read"));
            assertFailedButChecksummed(extractor.extract(seed, tmp.resolve("u.txt")));
        }
    }

    @Test
    void anAnswerLargerThanTheLimitIsReadPastNotHeld() throws Exception {
        String huge = "printf '@provkit {\"extraction\":\"'; head -c 100000 /dev/zero | tr '\\\\0' x; echo '\"}'";
        try (ForkedExtractor extractor = child(DETECTED + "; " + huge, 10_000)) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertFailedButChecksummed(extraction);
            assertThat(extraction.warnings()).anyMatch(w -> w.contains("answer was larger than 10000 bytes"));
            assertFailedButChecksummed(extractor.extract(seed, tmp.resolve("u.txt")));
        }
    }

    @Test
    void aChildThatDiesMidwayCostsOnlyThatFile() throws Exception {
        try (ForkedExtractor extractor = child(DETECTED + "; exit 1", ForkedExtractor.MAX_ANSWER_BYTES)) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertFailedButChecksummed(extraction);
            assertThat(extraction.warnings()).anyMatch(w -> w.contains("crashed"));
            assertFailedButChecksummed(extractor.extract(seed, tmp.resolve("u.txt")));
        }
    }

    @Test
    void aChildThatClosesItsInputCostsOnlyThatFile() throws Exception {
        ForkedExtractor extractor = new ForkedExtractor(ForkedExtractor.Settings.defaults(1),
                () -> new ProcessBuilder("sh", "-c", "exec 0<&-; sleep 0.2").start(), ForkedExtractor.MAX_ANSWER_BYTES);
        try (extractor) {
            for (int i = 0; i < 3; i++) {
                assertFailedButChecksummed(extractor.extract(seed, tmp.resolve("t" + i + ".txt")));
            }
        }
    }

    private void assertFailedButChecksummed(Extraction extraction) throws Exception {
        assertThat(extraction.status()).isEqualTo(Extraction.Status.FAILED);
        assertThat(extraction.digests().sha256())
                .isEqualTo(HexFormat.of().formatHex(ChecksumAlgorithm.SHA256.newDigest().digest(Files.readAllBytes(seed))));
        assertThat(extraction.text().bytes()).isZero();
    }
}
