package org.provkit.provenance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.provkit.Nfc;

/**
 * The lines of an extracted text that attribution looks at, with their true 1-based line numbers: every line
 * starting in the first {@code headBytes} and the last {@code tailBytes} of the file, each cut to
 * {@code maxLineChars}. One streaming pass over the bytes, so a 64 MB single-line file costs a scan, not a
 * 64 MB string ('\n' never occurs inside a UTF-8 sequence, so counting bytes counts lines exactly).
 */
public final class TextLines {

    public static final long DEFAULT_HEAD_BYTES = 4L << 20;
    public static final long DEFAULT_TAIL_BYTES = 1L << 20;
    public static final int DEFAULT_MAX_LINE_CHARS = 8_192;

    /** One kept line: number, NFC text (possibly cut), and whether it was cut. */
    public record Line(int number, String text, boolean truncated) {
    }

    private final List<Line> lines;
    private final int totalLines;
    private final boolean skippedMiddle;
    private final boolean anyTruncated;

    private TextLines(List<Line> lines, int totalLines, boolean skippedMiddle) {
        this.lines = List.copyOf(lines);
        this.totalLines = totalLines;
        this.skippedMiddle = skippedMiddle;
        this.anyTruncated = lines.stream().anyMatch(Line::truncated);
    }

    public static TextLines read(Path file) throws IOException {
        return read(file, DEFAULT_HEAD_BYTES, DEFAULT_TAIL_BYTES, DEFAULT_MAX_LINE_CHARS);
    }

    public static TextLines read(Path file, long headBytes, long tailBytes, int maxLineChars) throws IOException {
        long size = Files.size(file);
        long tailStart = Math.max(headBytes, size - tailBytes);
        int maxLineBytes = maxLineChars * 4;
        List<Line> head = new ArrayList<>();
        Deque<Line> tail = new ArrayDeque<>();
        boolean skipped = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream current = new ByteArrayOutputStream(256);
            byte[] buf = new byte[1 << 16];
            long offset = 0;
            long lineStart = 0;
            boolean lineCut = false;
            int number = 1;
            int n;
            while ((n = in.read(buf)) > 0) {
                int segmentStart = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        boolean keep = lineStart < headBytes || lineStart >= tailStart;
                        if (keep) {
                            lineCut |= appendBounded(current, buf, segmentStart, i, maxLineBytes);
                            Line line = toLine(number, current, lineCut, maxLineChars);
                            (lineStart < headBytes ? head : tail).add(line);
                        } else {
                            skipped = true;
                        }
                        current.reset();
                        lineCut = false;
                        number++;
                        lineStart = offset + i + 1;
                        segmentStart = i + 1;
                    }
                }
                if (lineStart < headBytes || lineStart >= tailStart) {
                    lineCut |= appendBounded(current, buf, segmentStart, n, maxLineBytes);
                }
                offset += n;
            }
            if (current.size() > 0 || lineCut) {
                boolean keep = lineStart < headBytes || lineStart >= tailStart;
                if (keep) {
                    (lineStart < headBytes ? head : tail).add(toLine(number, current, lineCut, maxLineChars));
                } else {
                    skipped = true;
                }
            } else if (lineStart == offset) {
                number--; // an empty file, or one ending with '\n': no empty last line
            }
            List<Line> all = new ArrayList<>(head);
            all.addAll(tail);
            return new TextLines(all, Math.max(number, 0), skipped);
        }
    }

    public static TextLines of(String text) {
        List<Line> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return new TextLines(lines, 0, false);
        }
        String[] parts = text.split("\n", -1);
        int count = parts.length;
        if (count > 1 && parts[count - 1].isEmpty()) {
            count--;
        }
        for (int i = 0; i < count; i++) {
            String t = stripCr(i == 0 && parts[i].startsWith("\uFEFF") ? parts[i].substring(1) : parts[i]);
            boolean cut = t.length() > DEFAULT_MAX_LINE_CHARS;
            lines.add(new Line(i + 1, Nfc.of(cut ? t.substring(0, DEFAULT_MAX_LINE_CHARS) : t), cut));
        }
        return new TextLines(lines, count, false);
    }

    private static boolean appendBounded(ByteArrayOutputStream out, byte[] buf, int from, int to, int max) {
        int room = max - out.size();
        int len = to - from;
        if (len <= room) {
            out.write(buf, from, len);
            return false;
        }
        if (room > 0) {
            out.write(buf, from, room);
        }
        return true;
    }

    private static Line toLine(int number, ByteArrayOutputStream bytes, boolean cut, int maxChars) {
        String s = stripCr(bytes.toString(StandardCharsets.UTF_8));
        if (number == 1 && s.startsWith("\uFEFF")) {
            s = s.substring(1); // a byte-order mark is no text
        }
        if (s.length() > maxChars) {
            s = s.substring(0, maxChars);
            cut = true;
        }
        return new Line(number, Nfc.of(s), cut);
    }


    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    public List<Line> lines() {
        return lines;
    }

    public int totalLines() {
        return totalLines;
    }

    /** Some lines in the middle of a large text were not analysed. */
    public boolean skippedMiddle() {
        return skippedMiddle;
    }

    public boolean anyTruncated() {
        return anyTruncated;
    }

    /** The kept lines that are not blank, in order. */
    public List<Line> nonBlank() {
        return lines.stream().filter(l -> !l.text().isBlank()).toList();
    }
}
