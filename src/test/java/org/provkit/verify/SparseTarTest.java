package org.provkit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;

/**
 * A GNU sparse tar (holes stored as a map, not as bytes) cannot be hashed by position: it is read as a
 * stream, holes filled, and verifies like any other. Made with GNU tar, which Debian has.
 */
class SparseTarTest {

    @TempDir
    Path tmp;

    @Test
    void aSparseEntryVerifiesAndADamagedOneDoesNot() throws Exception {
        Path bag = tmp.resolve("bag");
        Files.createDirectories(bag.resolve("data"));
        try (RandomAccessFile sparse = new RandomAccessFile(bag.resolve("data/sparse.bin").toFile(), "rw")) {
            sparse.seek(40L << 20);
            sparse.write("the end".getBytes(StandardCharsets.US_ASCII));
        }
        Files.writeString(bag.resolve("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        Files.writeString(bag.resolve("manifest-sha256.txt"), sha256(bag.resolve("data/sparse.bin")) + "  data/sparse.bin\n");
        Path tar = tmp.resolve("sparse.tar");
        Process process;
        try {
            process = new ProcessBuilder("tar", "--sparse", "-cf", tar.toString(), "-C", tmp.toString(), "bag")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "GNU tar is not installed");
            return;
        }
        assumeTrue(process.waitFor() == 0, "tar --sparse failed");
        assertThat(Files.size(tar)).isLessThan(1 << 20); // really stored sparse

        CliRun ok = CliRun.inProcess("verify", "--no-progress", tar.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();

        Files.writeString(bag.resolve("manifest-sha256.txt"), "0".repeat(64) + "  data/sparse.bin\n");
        Path damaged = tmp.resolve("damaged.tar");
        assertThat(new ProcessBuilder("tar", "--sparse", "-cf", damaged.toString(), "-C", tmp.toString(), "bag").start().waitFor()).isZero();
        CliRun bad = CliRun.inProcess("verify", "--no-progress", damaged.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("E_CHECKSUM").contains("data/sparse.bin");
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
