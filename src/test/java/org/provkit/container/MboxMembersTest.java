package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mbox mailboxes: each message is a member, split at a "From " line after a blank line, with mboxrd quoting undone. */
class MboxMembersTest {

    @TempDir
    Path tmp;

    static final String FIRST = "From ana@example.org Mon May  6 10:00:00 2024\n"
            + "Message-ID: <one@example.org>\n"
            + "Subject: Harvest report\n"
            + "\n"
            + "The harvest was good.\n"
            + "From the fields, nothing new.\n"
            + ">From here on, quoted.\n"
            + "\n";
    static final String SECOND = "From luis@example.org Tue May  7 09:00:00 2024\n"
            + "Subject: Re: Harvest report\n"
            + "\n"
            + "Thanks.\n";

    ReadMembers read(String mailbox) throws IOException {
        Path file = Files.writeString(tmp.resolve("inbox.mbox"), mailbox, StandardCharsets.UTF_8);
        return ReadMembers.of(new MboxMembers(), file, tmp.resolve("scratch"));
    }

    @Test
    void eachMessageIsAMemberNamedBySubjectIdentifiedByMessageIdAndOffset() throws IOException {
        ReadMembers read = read(FIRST + SECOND);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.names()).containsExactly("000001_Harvest report.eml", "000002_Re_ Harvest report.eml");
        MemberIdentity first = read.members().get(0).member().identity();
        assertThat(first.kind()).isEqualTo(MemberIdentity.MESSAGE);
        assertThat(first.messageId()).isEqualTo("one@example.org");
        assertThat(first.offset()).isZero();
        MemberIdentity second = read.members().get(1).member().identity();
        assertThat(second.messageId()).isNull();
        assertThat(second.offset()).isEqualTo(FIRST.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read.members().get(0).member().mediaType()).isEqualTo("message/rfc822");
        assertThat(read.summary().details()).containsEntry("members", 2);
    }

    @Test
    void aFromLineInsideABodyIsNotASeparatorAndQuotedFromLinesAreUnquoted() throws IOException {
        ReadMembers read = read(FIRST + SECOND);
        // The separator line is not part of the message; the body's own "From " line stays, ">From " loses its ">".
        assertThat(read.members().get(0).text()).isEqualTo(FIRST.substring(FIRST.indexOf('\n') + 1).replace(">From here", "From here"));
        assertThat(read.members().get(1).text()).isEqualTo("Subject: Re: Harvest report\n\nThanks.\n");
    }

    @Test
    void bytesBeforeTheFirstMessageAreNamed() throws IOException {
        ReadMembers read = read("junk\n" + SECOND);
        assertThat(read.names()).hasSize(1);
        assertThat(read.warnings()).containsExactly("the mailbox starts with 5 bytes that belong to no message");
    }

    @Test
    void aFileThatIsNoMailboxSaysSo() throws IOException {
        ReadMembers read = read("Dear reader,\nthis is a letter.\n");
        assertThat(read.members()).isEmpty();
        assertThat(read.warnings()).containsExactly("not an mbox mailbox: no message starts with a \"From \" line");
    }

    @Test
    void aLineLongerThanAPieceIsReadInPiecesAndNoPieceStartsAMessage() throws IOException {
        // a blank line, then one line of spaces that reaches past a piece, then "From " in the same line
        String body = "\n" + " ".repeat(MboxMembers.MAX_PIECE) + "From here, no new message.\n" + "x".repeat(3 * MboxMembers.MAX_PIECE) + "\n\n";
        ReadMembers read = read(FIRST + body + SECOND);
        assertThat(read.names()).hasSize(2);
        String first = read.members().get(0).text();
        assertThat(first).isEqualTo(FIRST.substring(FIRST.indexOf('\n') + 1).replace(">From here", "From here") + body);
    }
}
