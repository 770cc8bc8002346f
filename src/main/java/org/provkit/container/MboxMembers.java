package org.provkit.container;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailboxes in the mbox format: each message (from its {@code From } separator line to the next) is a member,
 * staged as an RFC 822 message ({@code .eml}) with mboxrd quoting undone ({@code >From } back to {@code From }),
 * named by its number and subject and identified by its Message-ID and offset.
 */
public final class MboxMembers implements ContainerReader {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<?([^>\\r\\n]+)>?");
    private static final Pattern SUBJECT = Pattern.compile("(?im)^Subject:[ \\t]*([^\\r\\n]*)");
    private static final Pattern QUOTED_FROM = Pattern.compile("^>+From ");
    private static final int HEADER_BYTES = 64 * 1024;
    static final int MAX_PIECE = 64 * 1024;

    @Override
    public ContainerSummary read(Path file, Scratch scratch, MemberSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        int[] members = {0};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Message message = null;
            long offset = 0;
            byte[] line;
            boolean lineStart = true;
            while ((line = readLine(in)) != null) {
                if (lineStart && startsWith(line, "From ") && (message == null || message.previousBlank)) {
                    if (message != null) {
                        message.finish(scratch, sink, members);
                    } else if (offset > 0) {
                        warnings.add("the mailbox starts with " + offset + " bytes that belong to no message");
                    }
                    scratch.countMember();
                    message = new Message(scratch.file("message.eml"), offset);
                } else if (message != null) {
                    message.add(line, lineStart, scratch);
                }
                offset += line.length;
                lineStart = line[line.length - 1] == '\n';
            }
            if (message != null) {
                message.finish(scratch, sink, members);
            } else {
                warnings.add("not an mbox mailbox: no message starts with a \"From \" line");
            }
        } catch (ContainerLimitException e) {
            warnings.add(e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("members", members[0]);
        return new ContainerSummary(ContainerFormat.MBOX, details, List.copyOf(warnings));
    }

    /** One message being staged. */
    private static final class Message {
        final Path file;
        final long offset;
        final OutputStream out;
        final ByteArrayOutputStream header = new ByteArrayOutputStream();
        boolean inHeader = true;
        boolean previousBlank;

        Message(Path file, long offset) throws IOException {
            this.file = file;
            this.offset = offset;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        /** Adds a line, or a piece of a long one ({@code lineStart} false for the pieces after its first). */
        void add(byte[] line, boolean lineStart, Scratch scratch) throws IOException {
            byte[] bytes = line;
            String start = new String(line, 0, Math.min(line.length, 64), StandardCharsets.ISO_8859_1);
            if (lineStart && QUOTED_FROM.matcher(start).find()) {
                bytes = java.util.Arrays.copyOfRange(line, 1, line.length);
            }
            scratch.copy(new java.io.ByteArrayInputStream(bytes), out);
            boolean blank = lineStart && line[line.length - 1] == '\n' && isBlank(line);
            if (inHeader) {
                if (blank || header.size() > HEADER_BYTES) {
                    inHeader = false;
                } else {
                    header.writeBytes(line);
                }
            }
            previousBlank = blank;
        }

        void finish(Scratch scratch, MemberSink sink, int[] members) throws IOException {
            out.close();
            String headers = header.toString(StandardCharsets.UTF_8);
            String messageId = first(MESSAGE_ID, headers);
            String subject = first(SUBJECT, headers);
            members[0]++;
            String name = String.format(Locale.ROOT, "%06d", members[0])
                    + (subject == null || subject.isBlank() ? "" : "_" + subject.strip()) + ".eml";
            String safe = MemberNames.segment(name);
            Path staged = scratch.file(safe);
            Files.move(file, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try {
                sink.accept(new Member(MemberIdentity.message(safe, messageId, offset), null, "message/rfc822", List.of()), staged);
            } finally {
                Files.deleteIfExists(staged);
            }
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] line, String prefix) {
        if (line.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next line with its line end, or its next {@link #MAX_PIECE} bytes when it is longer (a message with no line
     * ends, a hostile mailbox: never held whole); null at the end.
     */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while (line.size() < MAX_PIECE && (b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
