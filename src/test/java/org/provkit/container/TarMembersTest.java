package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tar files, plain or gzip-compressed, read as a stream: regular files are members, links are named. */
class TarMembersTest {

    @TempDir
    Path tmp;

    static final byte[] FIRST = "First story, 30 bytes long....".getBytes(StandardCharsets.UTF_8);
    static final byte[] SECOND = "Second story".getBytes(StandardCharsets.UTF_8);

    Path tar(String fileName, boolean gzip) throws IOException {
        Path file = tmp.resolve(fileName);
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream data = gzip ? new GZIPOutputStream(raw) : raw;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(data)) {
            tar.putArchiveEntry(new TarArchiveEntry("stories/"));
            tar.closeArchiveEntry();
            file(tar, "stories/a.txt", FIRST);
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarConstants.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry hard = new TarArchiveEntry("again.txt", TarConstants.LF_LINK);
            hard.setLinkName("stories/a.txt");
            tar.putArchiveEntry(hard);
            tar.closeArchiveEntry();
            file(tar, "b.txt", SECOND);
        }
        return file;
    }

    static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Test
    void regularFilesAreMembersWithTheirHeadersOffsetsAndLinksAreNamedNotFollowed() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = tar(gzip ? "stories.tar.gz" : "stories.tar", gzip);
            ReadMembers read = ReadMembers.of(new TarMembers(), file, tmp.resolve("scratch-" + gzip));
            assertThat(read.names()).as("gzip %s", gzip).containsExactly("stories/a.txt", "b.txt");
            assertThat(read.member("stories/a.txt").content()).isEqualTo(FIRST);
            assertThat(read.member("b.txt").content()).isEqualTo(SECOND);
            // headers: the folder at 0, a.txt at 512 (its data 512 more), the two links at 1536 and 2048, b.txt at 2560
            assertThat(read.member("stories/a.txt").member().identity().offset()).isEqualTo(512L);
            assertThat(read.member("b.txt").member().identity().offset()).isEqualTo(2560L);
            assertThat(read.warnings()).containsExactly(
                    "entry \"passwd\" at offset 1536 is a link to \"/etc/passwd\": not followed",
                    "entry \"again.txt\" at offset 2048 is a link to \"stories/a.txt\": not followed");
            assertThat(read.summary().details()).containsEntry("compression", gzip ? "gzip" : "none").containsEntry("members", 2);
        }
    }

    @Test
    void aTruncatedTarKeepsWhatCouldBeReadAndSaysWhere() throws IOException {
        byte[] whole = Files.readAllBytes(tar("whole.tar", false));
        Path cut = Files.write(tmp.resolve("cut.tar"), Arrays.copyOf(whole, 2560 + 512 + 5));
        ReadMembers read = ReadMembers.of(new TarMembers(), cut, tmp.resolve("scratch"));
        assertThat(read.names()).containsExactly("stories/a.txt", "b.txt");
        assertThat(read.member("stories/a.txt").member().warnings()).isEmpty();
        assertThat(read.member("b.txt").content()).isEqualTo(Arrays.copyOf(SECOND, 5));
        assertThat(read.member("b.txt").member().warnings()).singleElement().asString()
                .startsWith("entry \"b.txt\" at offset 2560 could not be read to its end");
        assertThat(read.warnings()).last().asString().isEqualTo("the tar could not be read past entry \"b.txt\" at offset 2560");
    }
}
