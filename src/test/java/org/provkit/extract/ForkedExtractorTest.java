package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.TestFiles;
import org.provkit.bag.ChecksumAlgorithm;

/** Extraction in child processes: a hang or a crash costs one file's text, never the run. */
class ForkedExtractorTest {

    @TempDir
    Path tmp;

    private final Path seed = TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt");

    @Test
    void extractsTextAndChecksumsInAChild() throws Exception {
        try (ForkedExtractor extractor = new ForkedExtractor(ForkedExtractor.Settings.defaults(2))) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertThat(extraction.status()).isEqualTo(Extraction.Status.OK);
            assertThat(extraction.mediaType()).isEqualTo("text/plain");
            assertThat(extraction.digests().sha256()).isEqualTo(sha256(Files.readAllBytes(seed)));
            assertThat(Files.readString(tmp.resolve("t.txt"))).contains("Díaz-Canel");
            assertThat(extraction.text().sha256()).isEqualTo(sha256(Files.readAllBytes(tmp.resolve("t.txt"))));
            Extraction again = extractor.extract(seed, tmp.resolve("u.txt"));
            assertThat(again.digests()).isEqualTo(extraction.digests());
        }
    }

    @Test
    void aPrestartedChildServesTheFirstFileAndNoMoreChildrenStartThanAllowed() throws Exception {
        try (ForkedExtractor extractor = new ForkedExtractor(ForkedExtractor.Settings.defaults(1))) {
            extractor.prestart();
            extractor.prestart();
            assertThat(extractionChildren()).isEqualTo(1);
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertThat(extraction.status()).isEqualTo(Extraction.Status.OK);
            assertThat(extractionChildren()).isEqualTo(1);
        }
    }

    @Test
    void aFewSmallFilesGetOneChildAndMoreGetOnePerThread() throws Exception {
        try (ForkedExtractor few = new ForkedExtractor(ForkedExtractor.Settings.defaults(2));
                ForkedExtractor many = new ForkedExtractor(ForkedExtractor.Settings.defaults(2));
                ForkedExtractor large = new ForkedExtractor(ForkedExtractor.Settings.defaults(2));
                ForkedExtractor unknown = new ForkedExtractor(ForkedExtractor.Settings.defaults(2))) {
            few.expect(ForkedExtractor.SECOND_CHILD_FILES, 1000);
            many.expect(ForkedExtractor.SECOND_CHILD_FILES + 1, 1000);
            large.expect(1, ForkedExtractor.SECOND_CHILD_BYTES + 1);
            unknown.expect(0, 0);
            assertThat(few.maxChildren()).isEqualTo(1);
            assertThat(many.maxChildren()).isEqualTo(2);
            assertThat(large.maxChildren()).isEqualTo(2);
            assertThat(unknown.maxChildren()).isEqualTo(2);
            assertThat(extractionChildren()).isEqualTo(3);
        }
    }

    /** With one child for two threads, a child that dies must not leave the other thread waiting for ever. */
    @Test
    void aThreadWaitingForTheOnlyChildGetsANewOneWhenItDies() throws Exception {
        ForkedExtractor.Settings settings = new ForkedExtractor.Settings(2, TextLimits.defaults(), "8m", List.of());
        try (ForkedExtractor extractor = new ForkedExtractor(settings)) {
            extractor.expect(1, 10);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> extractor.extract(seed, tmp.resolve("a.txt")));
                var second = pool.submit(() -> extractor.extract(seed, tmp.resolve("b.txt")));
                // Each child runs out of memory in its 8 MB heap: both files fail, neither thread hangs.
                assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(Extraction.Status.FAILED);
                assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(Extraction.Status.FAILED);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Living children of this JVM (a child just started may still show as the JDK's spawn helper, not by name). */
    private static long extractionChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    @Test
    void aParseThatTakesTooLongIsStoppedAndTheFileStillChecksummed() throws Exception {
        ForkedExtractor.Settings settings = new ForkedExtractor.Settings(1, new TextLimits(1000, Duration.ZERO), "512m", List.of());
        try (ForkedExtractor extractor = new ForkedExtractor(settings)) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertThat(extraction.status()).isEqualTo(Extraction.Status.FAILED);
            assertThat(extraction.warnings()).anyMatch(w -> w.contains("took longer than"));
            assertThat(extraction.digests().sha256()).isEqualTo(sha256(Files.readAllBytes(seed)));
            assertThat(extraction.text().bytes()).isZero();
        }
    }

    @Test
    void aChildThatRunsOutOfMemoryCostsOnlyThatFile() throws Exception {
        ForkedExtractor.Settings settings = new ForkedExtractor.Settings(1, TextLimits.defaults(), "8m", List.of());
        try (ForkedExtractor extractor = new ForkedExtractor(settings)) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertThat(extraction.status()).isEqualTo(Extraction.Status.FAILED);
            assertThat(extraction.warnings()).anyMatch(w -> w.contains("crashed or ran out of memory"));
            assertThat(extraction.digests().bytes()).isEqualTo(Files.size(seed));
        }
    }

    @Test
    void textIsCutAtTheLimitAndTheRecordSaysSo() throws Exception {
        ForkedExtractor.Settings settings = new ForkedExtractor.Settings(1, new TextLimits(100, Duration.ofSeconds(60)), "512m", List.of());
        try (ForkedExtractor extractor = new ForkedExtractor(settings)) {
            Extraction extraction = extractor.extract(seed, tmp.resolve("t.txt"));
            assertThat(extraction.status()).isEqualTo(Extraction.Status.TRUNCATED);
            assertThat(extraction.textChars()).isEqualTo(100);
            assertThat(extraction.warnings()).anyMatch(w -> w.contains("cut at 100"));
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ChecksumAlgorithm.SHA256.newDigest().digest(bytes));
    }
}
