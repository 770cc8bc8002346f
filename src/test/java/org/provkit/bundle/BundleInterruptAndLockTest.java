package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.ExitCode;
import org.provkit.OutputFiles;

/**
 * A real provkit process, stopped with Ctrl-C (SIGINT) while it bundles: one line, no temporary file left;
 * and a second run writing the same bundle while the first holds its lock: it stops at once, exit 4 (and the
 * first, stopped in turn, removes its lock file).
 */
class BundleInterruptAndLockTest {

    @TempDir
    Path tmp;

    /** Enough articles that bundling takes seconds, not milliseconds. */
    private Path manyArticles() throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("articles"));
        String body = "LA HABANA (PL) - Un artículo de prueba sobre la cooperación. Fuente: Prensa Latina.\n".repeat(40);
        for (int i = 0; i < 800; i++) {
            Files.writeString(sources.resolve(String.format("a%04d.txt", i)), "# Artículo " + i + "\n\n" + body,
                    StandardCharsets.UTF_8);
        }
        return sources;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean waitFor(Path folder, String prefix, long seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            if (Files.isDirectory(folder) && names(folder).stream().anyMatch(n -> n.startsWith(prefix))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void ctrlCPrintsOneLineAndLeavesNoTemporaryFile() throws Exception {
        Path sources = manyArticles();
        Path out = tmp.resolve("archives");
        Process process = CliRun.start(tmp, Map.of(), "bundle", sources.toString(), "-o", out.toString(), "--no-sign",
                "--name", "articles");
        assertThat(waitFor(out, OutputFiles.TEMP_PREFIX, 120)).as("the run started writing").isTrue();
        Thread.sleep(300);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isEqualTo(130);
        assertThat(err.strip().lines().toList()).last().asString().startsWith("provkit: interrupted; no bundle was written")
                .contains("temporary files in " + out + " were removed");
        assertThat(CliRun.isPlain(err)).as(err).isTrue();
        assertThat(names(out)).as("nothing left in the output folder").isEmpty();
    }

    @Test
    void aSecondRunWritingTheSameBundleStopsAtOnceWithItsOwnExitCode() throws Exception {
        Path sources = manyArticles();
        Path out = tmp.resolve("archives");
        Process first = CliRun.start(tmp, Map.of(), "bundle", sources.toString(), "-o", out.toString(), "--no-sign",
                "--name", "articles");
        assertThat(waitFor(out, BundleLock.PREFIX, 120)).as("the first run holds the lock").isTrue();

        long started = System.nanoTime();
        CliRun second = CliRun.child(tmp, Map.of(), "bundle", sources.toString(), "-o", out.toString(), "--no-sign",
                "--name", "articles");
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean firstStillRunning = first.isAlive();

        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.BUSY);
        assertThat(second.errIsOnePlainLine()).as(second.err()).isTrue();
        assertThat(second.err()).contains("another provkit run (process " + first.pid() + ") is writing "
                + out.resolve("articles.tar"));
        assertThat(firstStillRunning).as("the second run stopped before the first ended (%.1f s)", seconds).isTrue();

        // Stopped in turn, the first run also removes its lock file.
        new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(names(out)).isEmpty();
    }
}
