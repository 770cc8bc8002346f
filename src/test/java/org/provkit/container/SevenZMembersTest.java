package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 7z archives: every file entry is a member; an encrypted one is named, never guessed at. */
class SevenZMembersTest {

    @TempDir
    Path tmp;

    Path sevenZ(String fileName, char[] password) throws IOException {
        Path file = tmp.resolve(fileName);
        try (SevenZOutputFile out = password == null ? new SevenZOutputFile(file.toFile()) : new SevenZOutputFile(file.toFile(), password)) {
            SevenZArchiveEntry folder = new SevenZArchiveEntry();
            folder.setName("notes");
            folder.setDirectory(true);
            out.putArchiveEntry(folder);
            out.closeArchiveEntry();
            for (String[] member : new String[][] {{"notes/a.txt", "First story"}, {"b.html", "<p>Second story</p>"}}) {
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(member[0]);
                out.putArchiveEntry(entry);
                out.write(member[1].getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    @Test
    void fileEntriesAreMembersInTheArchivesOrder() throws IOException {
        Path file = sevenZ("two.7z", null);
        ReadMembers read = ReadMembers.of(new SevenZMembers(), file, tmp.resolve("scratch"));
        assertThat(read.warnings()).isEmpty();
        assertThat(read.names()).containsExactly("notes/a.txt", "b.html");
        assertThat(read.member("notes/a.txt").text()).isEqualTo("First story");
        assertThat(read.member("b.html").text()).isEqualTo("<p>Second story</p>");
        assertThat(read.member("b.html").member().identity().offset()).isNull();
        assertThat(new SevenZMembers().memberNames(file)).containsExactly("notes/a.txt", "b.html");
    }

    @Test
    void anEncryptedEntryIsNamedAndNotRead() throws IOException {
        ReadMembers read = ReadMembers.of(new SevenZMembers(), sevenZ("locked.7z", "secret".toCharArray()), tmp.resolve("scratch"));
        assertThat(read.members()).isEmpty();
        assertThat(read.warnings()).containsExactly(
                "entry \"notes/a.txt\" is encrypted (a password is needed): not read",
                "entry \"b.html\" is encrypted (a password is needed): not read");
    }

    @Test
    void aTruncatedArchiveIsAWarningThatNamesNoScratchPath() throws IOException {
        byte[] whole = Files.readAllBytes(sevenZ("whole.7z", null));
        Path cut = Files.write(tmp.resolve("cut.7z"), Arrays.copyOf(whole, whole.length / 2));
        ReadMembers read = ReadMembers.of(new SevenZMembers(), cut, tmp.resolve("scratch"));
        assertThat(read.members()).isEmpty();
        assertThat(read.warnings()).singleElement().asString().startsWith("the 7z archive could not be read (")
                .doesNotContain(tmp.toString());
    }
}
