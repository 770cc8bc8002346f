package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local headers against the central directory: no finding for zips real tools write, one for each kind of damage. */
class ZipLocalHeadersTest {

    @TempDir
    Path tmp;

    private static final String[] NAMES = {"bagit.txt", "data/a.txt", "data/ñandú €.txt", "data/empty.txt"};

    private static byte[] content(int i) {
        byte[] bytes = new byte[i == 3 ? 0 : 5000 * (i + 1)];
        Random random = new Random(i);
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) ('a' + random.nextInt(26));
        }
        return bytes;
    }

    private List<ZipLocalHeaders.Mismatch> check(Path zip) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get();
                WindowedReadChannel channel = new WindowedReadChannel(FileChannel.open(zip, StandardOpenOption.READ))) {
            return ZipLocalHeaders.check(channel, Collections.list(file.getEntriesInPhysicalOrder()));
        }
    }

    private Path commonsZip() throws IOException {
        Path zip = tmp.resolve("commons.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (int i = 0; i < NAMES.length; i++) {
                ZipArchiveEntry entry = new ZipArchiveEntry(NAMES[i]);
                if (i == 1) {
                    entry.setMethod(ZipArchiveEntry.STORED);
                }
                out.putArchiveEntry(entry);
                out.write(content(i));
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    @Test
    void zipsFromCommonsCompressTheJdkAndInfoZipAgree() throws Exception {
        assertThat(check(commonsZip())).isEmpty();

        Path jdk = tmp.resolve("jdk.zip");
        try (OutputStream file = Files.newOutputStream(jdk); ZipOutputStream out = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < NAMES.length; i++) {
                out.putNextEntry(new ZipEntry(NAMES[i])); // deflated with a data descriptor: no CRC or sizes in the local header
                out.write(content(i));
                out.closeEntry();
            }
        }
        assertThat(check(jdk)).isEmpty();

        Path dir = Files.createDirectories(tmp.resolve("tree/data"));
        Files.write(dir.resolve("a.txt"), content(1));
        Files.write(dir.resolve("b.txt"), content(2));
        Path infoZip = tmp.resolve("info.zip");
        Process zip;
        try {
            zip = new ProcessBuilder("zip", "-q", "-9", "-r", infoZip.toString(), "data").directory(tmp.resolve("tree").toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("Info-ZIP's zip is not installed");
            return;
        }
        assertThat(zip.waitFor()).isZero();
        assertThat(check(infoZip)).isEmpty();
    }

    @Test
    void eachKindOfDamageIsNamed() throws IOException {
        Path zip = commonsZip();
        byte[] pristine = Files.readAllBytes(zip);
        long second;
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            second = Collections.list(file.getEntriesInPhysicalOrder()).get(1).getLocalHeaderOffset();
        }
        record Damage(int at, String expected, boolean name) {
        }
        for (Damage d : List.of(new Damage(0, "no local file header", true), new Damage(8, "compression method", false),
                new Damage(6, "flags", false), new Damage(14, "CRC", false), new Damage(18, "compressed size", false),
                new Damage(22, "size", false), new Damage(31, "names a different file", true))) {
            byte[] bytes = pristine.clone();
            bytes[(int) second + d.at()] ^= d.at() == 6 ? 0x08 : 0x01;
            Path damaged = tmp.resolve("damaged-" + d.at() + ".zip");
            Files.write(damaged, bytes);
            assertThat(check(damaged)).as("byte " + d.at()).singleElement().satisfies(m -> {
                assertThat(m.entryName()).isEqualTo(NAMES[1]);
                assertThat(m.name()).isEqualTo(d.name());
                assertThat(m.what()).contains(d.expected());
            });
        }
    }
}
