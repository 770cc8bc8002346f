package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.TestFiles;

/** A bundle appears under its final name complete, or not at all; an existing one is never replaced. */
class AtomicWriteTest {

    @TempDir
    Path tmp;

    @Test
    void anExistingBundleIsNeverOverwritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("archives"));
        Files.writeString(out.resolve("mine.tar"), "precious");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", out.toString(), "--name", "mine", "--no-sign");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("already exists");
        assertThat(Files.readString(out.resolve("mine.tar"))).isEqualTo("precious");
        assertThat(BundleEndToEndTest.list(out)).hasSize(1);
        assertThat(tempLeftovers(out)).isZero();
    }

    @Test
    void aSinkClosedWithoutCommitLeavesNothing() throws IOException {
        Path target = tmp.resolve("b.tar");
        Path temp = AtomicFiles.tempSibling(tmp, "b.tar");
        try (TarBagSink sink = new TarBagSink(temp, target, "b", Instant.EPOCH, false)) {
            sink.add("bagit.txt", 3, out -> out.write(new byte[3]));
            assertThat(temp).exists();
        }
        assertThat(temp).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void contentLongerThanAnnouncedIsRefusedAndNothingIsPublished() throws IOException {
        Path target = tmp.resolve("c.tar");
        Path temp = AtomicFiles.tempSibling(tmp, "c.tar");
        assertThatThrownBy(() -> {
            try (TarBagSink sink = new TarBagSink(temp, target, "c", Instant.EPOCH, false)) {
                sink.add("data/x", 2, out -> out.write(new byte[5]));
            }
        }).isInstanceOf(SourceChangedException.class).hasMessageContaining("data/x");
        assertThat(target).doesNotExist();
        assertThat(tempLeftovers(tmp)).isZero();
    }

    @Test
    void leftoversOfDeadRunsAreRemovedByTheNextRun() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("archives"));
        Path leftover = Files.createDirectories(out.resolve(AtomicFiles.TEMP_PREFIX + "2147483646-abc-staging"));
        Files.writeString(leftover.resolve("0.txt"), "half");
        Files.writeString(out.resolve(AtomicFiles.TEMP_PREFIX + "2147483646-abd-x.tar"), "half a tar");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", out.toString(), "--no-sign");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tempLeftovers(out)).isZero();
        assertThat(BundleEndToEndTest.list(out)).hasSize(1);
    }

    @Test
    void aDirectoryBundleIsRenamedIntoPlaceWhole() throws Exception {
        Path out = tmp.resolve("archives");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", out.toString(), "--format", "dir",
                "--name", "d", "--no-sign");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("d/bagit.txt")).exists();
        assertThat(out.resolve("d/data/originals/seeds/000_6aef5a1f1f04ad71.txt")).exists();
        assertThat(tempLeftovers(out)).isZero();
    }

    static long tempLeftovers(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).count();
        }
    }
}
