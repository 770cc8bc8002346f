package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.TestFiles;

/**
 * Issue 8: {@code kill -9} at any moment of {@code bundle} leaves nothing under a final bundle name but
 * a complete, valid bundle; leftovers are temporary names the next run removes, and that run succeeds.
 */
class CrashSafetyTest {

    @TempDir
    static Path tmp;
    static Path sources;

    @BeforeAll
    static void makeSources() throws IOException {
        sources = Files.createDirectories(tmp.resolve("corpus"));
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            Files.writeString(sources.resolve("article-" + i + ".txt"),
                    "La Habana, 8 feb (Prensa Latina) Artículo número " + i + ". " + "texto ".repeat(500 + i) + "\nFuente: EFE\n");
        }
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(sources.resolve("big.bin"))) {
            for (int i = 0; i < 150; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    @Test
    void killingBundleAtAnyMomentNeverLeavesABrokenBundle() throws Exception {
        Path out = tmp.resolve("archives");
        for (long delay : List.of(150L, 600L, 1200L, 2000L, 3000L)) {
            Process process = CliRun.start(tmp, Map.of("SOURCE_DATE_EPOCH", "1767225600"), "bundle", sources.toString(),
                    "-o", out.toString(), "--no-sign", "--name", "crash-" + delay);
            Thread.sleep(delay);
            List<ProcessHandle> children = process.descendants().toList();
            process.toHandle().destroyForcibly();
            process.waitFor();
            for (ProcessHandle child : children) {
                child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertOnlyCompleteBundles(out);
        }
        CliRun rerun = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--no-sign", "--name", "after-crash");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(AtomicWriteTest.tempLeftovers(out)).isZero();
        assertOnlyCompleteBundles(out);
    }

    private static void assertOnlyCompleteBundles(Path out) throws Exception {
        if (!Files.isDirectory(out)) {
            return;
        }
        for (Path bundle : BundleEndToEndTest.list(out)) {
            assertThat(bundle.getFileName().toString()).endsWith(".tar");
            Path unpacked = Files.createTempDirectory(tmp, "check");
            BundleEndToEndTest.assertValidForBagitJava(TestFiles.untar(bundle, unpacked));
        }
    }
}
