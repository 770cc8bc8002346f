package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header hop that decides whether a tar is read by position (its entries held in memory). */
class TarHeadersTest {

    @TempDir
    Path tmp;

    @Test
    void sizeFieldsInOctalAndBase256() {
        byte[] header = new byte[512];
        put(header, "00000001750 ");
        assertThat(TarHeaders.size(header)).isEqualTo(1000);
        put(header, "       1750\0");
        assertThat(TarHeaders.size(header)).isEqualTo(1000);
        byte[] binary = new byte[512];
        binary[124] = (byte) 0x80;
        binary[131] = 0x02; // 2 << 32 = 8 GiB, beyond eleven octal digits
        assertThat(TarHeaders.size(binary)).isEqualTo(2L << 32);
        put(header, "0000000017x8");
        assertThat(TarHeaders.size(header)).isEqualTo(-1);
    }

    @Test
    void countsTheEntriesOfATarAndStopsPastTheLimit() throws IOException {
        Path tar = tmp.resolve("five.tar");
        int headers = 0;
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < 5; i++) {
                byte[] data = ("entry " + i).repeat(i * 100).getBytes(StandardCharsets.UTF_8);
                String name = "bag/data/" + "long-name-".repeat(i * 3) + i + ".txt";
                headers += name.length() >= 100 ? 2 : 1; // a long name gets a PAX header of its own
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(data.length);
                out.putArchiveEntry(entry);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        assertThat(headers).isGreaterThan(5);
        assertThat(TarHeaders.hop(tar, headers).complete()).isTrue();
        assertThat(TarHeaders.hop(tar, headers - 1).complete()).isFalse();
    }

    @Test
    void findsTheEndOfArchiveMarkerAndDataAfterIt() throws IOException {
        Path tar = tmp.resolve("one.tar");
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("bag/data/a.txt");
            entry.setSize(data.length);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
        }
        long end = TarHeaders.endOfArchive(tar);
        assertThat(end).isEqualTo(1024); // one header, one data block
        assertThat(Files.size(tar)).isGreaterThanOrEqualTo(end + 1024);
        assertThat(TarHeaders.firstNonZero(tar, end)).isEqualTo(-1);

        byte[] bytes = Files.readAllBytes(tar);
        bytes[bytes.length - 1] = 1;
        Files.write(tar, bytes);
        assertThat(TarHeaders.firstNonZero(tar, end)).isEqualTo(bytes.length - 1);
        Files.write(tar, "appended".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        assertThat(TarHeaders.endOfArchive(tar)).isEqualTo(end);

        Path noMarker = tmp.resolve("no-marker.tar");
        Files.write(noMarker, java.util.Arrays.copyOf(bytes, 1024));
        assertThat(TarHeaders.endOfArchive(noMarker)).isEqualTo(-1);
    }

    @Test
    void aTarThatIsNotOneIsNotReadByPosition() throws IOException {
        Path junk = tmp.resolve("junk.tar");
        Files.write(junk, "not a tar at all, but long enough to hold a header block".repeat(20).getBytes(StandardCharsets.UTF_8));
        assertThat(TarHeaders.hop(junk, 1000).complete()).isFalse();
    }

    private static void put(byte[] header, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, 124, 12);
    }
}
