package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip files read as members: file entries in the order of the archive's bytes, each kept inside its folder. */
class ZipMembersTest {

    @TempDir
    Path tmp;

    /** A zip of {@code name, content} pairs; a name ending in {@code /} is a folder, {@code ->} makes a link. */
    Path zip(String fileName, String... namesAndContents) throws IOException {
        Path file = tmp.resolve(fileName);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipArchiveEntry entry = new ZipArchiveEntry(namesAndContents[i]);
                String content = namesAndContents[i + 1];
                if (content.startsWith("->")) {
                    entry.setUnixMode(UnixStat.LINK_FLAG | 0777);
                    content = content.substring(2);
                }
                zip.putArchiveEntry(entry);
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    ReadMembers read(Path file) throws IOException {
        return ReadMembers.of(new ZipMembers(), file, tmp.resolve("scratch"));
    }

    @Test
    void fileEntriesAreMembersInTheArchivesOrderWithTheirBytesNameAndOffset() throws IOException {
        Path zip = zip("two.zip", "stories/", "", "stories/a.txt", "First story", "b.html", "<p>Second</p>");
        ReadMembers read = read(zip);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.names()).containsExactly("stories/a.txt", "b.html");
        ReadMembers.Seen a = read.member("stories/a.txt");
        assertThat(a.text()).isEqualTo("First story");
        assertThat(a.member().identity().kind()).isEqualTo(MemberIdentity.ENTRY);
        assertThat(a.member().identity().entryName()).isEqualTo("stories/a.txt");
        assertThat(a.member().capture()).isNull();
        long first = a.member().identity().offset();
        long second = read.member("b.html").member().identity().offset();
        assertThat(second).isGreaterThan(first);
        // The offset is where the entry's local header starts: its signature is there.
        byte[] bytes = Files.readAllBytes(zip);
        assertThat(Arrays.copyOfRange(bytes, (int) second, (int) second + 4)).containsExactly('P', 'K', 3, 4);
        assertThat(read.summary().details()).containsEntry("members", 2);
        assertThat(new ZipMembers().memberNames(zip)).containsExactlyInAnyOrder("stories/a.txt", "b.html");
    }

    @Test
    void anEntryThatEscapesItsFolderIsKeptInsideItAndTheMemberSaysSo() throws IOException {
        ReadMembers read = read(zip("evil.zip", "../../etc/passwd", "root", "/abs/x.txt", "x", "fine/../../y.txt", "y"));
        assertThat(read.names()).containsExactly("etc/passwd", "abs/x.txt", "fine/y.txt");
        for (ReadMembers.Seen seen : read.members()) {
            assertThat(seen.member().warnings()).singleElement().asString()
                    .contains("\"" + seen.member().identity().entryName() + "\"")
                    .contains("names a place outside its folder").endsWith("kept inside it as " + seen.member().name());
        }
        assertThat(Files.exists(tmp.resolve("etc"))).isFalse();
    }

    @Test
    void aSymbolicLinkIsNamedAndNotFollowed() throws IOException {
        ReadMembers read = read(zip("link.zip", "passwd", "->/etc/passwd", "a.txt", "A"));
        assertThat(read.names()).containsExactly("a.txt");
        assertThat(read.warnings()).singleElement().asString().startsWith("entry \"passwd\" at offset 0 is a symbolic link");
    }

    @Test
    void aZipWithoutItsCentralDirectoryIsReadEntryByEntry() throws IOException {
        Path whole = zip("whole.zip", "a.txt", "First story", "b.txt", "Second story");
        byte[] bytes = Files.readAllBytes(whole);
        int directory = indexOf(bytes, new byte[] {'P', 'K', 1, 2});
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(bytes, directory));
        ReadMembers read = read(cut);
        assertThat(read.names()).containsExactly("a.txt", "b.txt");
        assertThat(read.member("b.txt").text()).isEqualTo("Second story");
        assertThat(read.warnings()).singleElement().asString().startsWith("the zip's central directory could not be read")
                .endsWith("its entries were read one by one from the start");
    }

    @Test
    void membersThatExpandPastTheBudgetStopTheReadingWithAWarning() throws IOException {
        Path file = tmp.resolve("bomb.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (String name : List.of("one.txt", "two.txt")) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(new byte[600_000]);
                zip.closeArchiveEntry();
            }
        }
        ReadMembers read = ReadMembers.of(new ZipMembers(), file, tmp.resolve("scratch"), new ContainerLimits(10, 100, 1 << 20, 2));
        assertThat(read.names()).containsExactly("one.txt");
        assertThat(read.warnings()).singleElement().asString().startsWith("members expand to more than 1 MiB");
    }

    @Test
    void membersPastTheCountLimitAreNotRead() throws IOException {
        ReadMembers read = ReadMembers.of(new ZipMembers(), zip("many.zip", "a", "1", "b", "2", "c", "3"), tmp.resolve("scratch"),
                new ContainerLimits(10, 2, 1 << 20, 100));
        assertThat(read.names()).containsExactly("a", "b");
        assertThat(read.warnings()).containsExactly("more than 2 members: the rest were not read");
    }

    static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
