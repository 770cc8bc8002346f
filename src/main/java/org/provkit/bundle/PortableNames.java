package org.provkit.bundle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The name a source file gets inside the bag: one that every common BagIt validator and file system
 * accepts, mapped from the original one path segment at a time (docs/payload-names.md). The original name
 * itself stays in the record ({@code path}, and {@code originalNameHex} when it is not UTF-8), the PROV
 * graph and {@code inspect}/{@code audit} output; this is only where its bytes are stored.
 *
 * <p>Most names pass unchanged. A character Windows refuses ({@code < > : " \ | ? *}) and {@code %} (which
 * RFC 8493 manifests escape but bagit-python and bagit-java do not unescape) become their full-width forms
 * ({@code ：}, {@code ％}, ...); control characters become their visible pictures ({@code ␊}, {@code ␉});
 * a final dot or space, which Windows drops, becomes {@code ．} or {@code ␠}; a byte that is not UTF-8
 * becomes {@code ‛} and its two hex digits; a Windows device name ({@code CON}, {@code com1.txt}) gets a
 * {@code ‛} after it; a name longer than 255 bytes (250 for a file, whose record adds {@code .json}) is
 * shortened and ends in {@code ‛~} and eight hex digits of a hash of the original. The quote mark
 * {@code ‛} (U+201B) escapes: a literal one, or a literal replacement character, is written after one, so
 * the mapping never gives two names the same result (shortened names aside, by their hash) and can be
 * read back. The same scheme as rclone's name encoding, with a device-name and a length rule added.
 */
public final class PortableNames {

    static final char QUOTE = '\u201B';
    static final int MAX_SEGMENT_BYTES = 255;
    /** A file's record adds ".json" to its name (its text only ".txt"). */
    static final int MAX_FILE_NAME_BYTES = MAX_SEGMENT_BYTES - ".json".length();

    private static final String WINDOWS_RESERVED = "<>:\"\\|?*";
    private static final char FULLWIDTH_OFFSET = 0xFEE0;
    private static final char CONTROL_PICTURES = 0x2400;
    private static final char DELETE_PICTURE = 0x2421;
    private static final char FINAL_SPACE = 0x2420;
    private static final char FINAL_DOT = 0xFF0E;
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3");

    private PortableNames() {
    }

    /** The portable form of a '/'-separated relative path whose bytes are {@code raw}. */
    public static String path(byte[] raw) {
        StringBuilder out = new StringBuilder(raw.length + 8);
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '/') {
                byte[] segment = java.util.Arrays.copyOfRange(raw, start, i);
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(segment(segment, i == raw.length));
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** The portable form of a '/'-separated relative path. */
    public static String path(String path) {
        return needsMapping(path) ? path(path.getBytes(StandardCharsets.UTF_8)) : path;
    }

    /** False for the usual name, which maps to itself: a quick look, since every file of a run is asked. */
    private static boolean needsMapping(String path) {
        int segmentStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '/') {
                // 3 bytes of UTF-8 at most per char of a segment: a segment this short is never too long
                if (i == segmentStart || (i - segmentStart) * 3 > MAX_FILE_NAME_BYTES || path.charAt(i - 1) == '.'
                        || path.charAt(i - 1) == ' ' || isDeviceName(path.substring(segmentStart, i))) {
                    return true;
                }
                segmentStart = i + 1;
            } else if (c < 0x20 || c == 0x7F || c == '%' || WINDOWS_RESERVED.indexOf(c) >= 0 || isReplacement(c)
                    || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The portable form of one file or folder name. */
    static String segment(byte[] raw, boolean file) {
        StringBuilder out = new StringBuilder(raw.length + 4);
        int i = 0;
        while (i < raw.length) {
            int length = utf8Length(raw, i);
            if (length == 0) {
                out.append(QUOTE).append(HexFormat.of().withUpperCase().toHexDigits(raw[i]));
                i++;
                continue;
            }
            String character = new String(raw, i, length, StandardCharsets.UTF_8);
            i += length;
            char c = character.charAt(0);
            if (character.length() == 1 && isReplacement(c)) {
                out.append(QUOTE).append(c);
            } else if (character.length() == 1 && c < 0x20) {
                out.append((char) (CONTROL_PICTURES + c));
            } else if (c == 0x7F) {
                out.append(DELETE_PICTURE);
            } else if (c == '%' || WINDOWS_RESERVED.indexOf(c) >= 0) {
                out.append((char) (c + FULLWIDTH_OFFSET));
            } else {
                out.append(character);
            }
        }
        int last = out.length() - 1;
        if (last >= 0 && out.charAt(last) == '.') {
            out.setCharAt(last, FINAL_DOT);
        } else if (last >= 0 && out.charAt(last) == ' ') {
            out.setCharAt(last, FINAL_SPACE);
        }
        String name = shorten(out.toString(), raw, file ? MAX_FILE_NAME_BYTES : MAX_SEGMENT_BYTES);
        return markDeviceName(name);
    }

    private static boolean isReplacement(char c) {
        return c == QUOTE || c == FINAL_DOT || (c >= CONTROL_PICTURES && c <= DELETE_PICTURE)
                || (c > FULLWIDTH_OFFSET && (c - FULLWIDTH_OFFSET == '%' || WINDOWS_RESERVED.indexOf(c - FULLWIDTH_OFFSET) >= 0));
    }

    /** {@code CON}, {@code con.txt}, {@code LPT1 .log}: a quote after the device name makes it an ordinary name. */
    private static String markDeviceName(String name) {
        if (!isDeviceName(name)) {
            return name;
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name + QUOTE : name.substring(0, dot) + QUOTE + name.substring(dot);
    }

    /** Windows reads a name as a device when the part before its first dot, trailing blanks dropped, is one. */
    private static boolean isDeviceName(String name) {
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return base.length() <= 7 && DEVICE_NAMES.contains(base.toUpperCase(Locale.ROOT));
    }

    /**
     * A name over {@code maxBytes} of UTF-8 keeps its beginning and its extension, and gets {@code ‛~} and
     * eight hex digits of the SHA-256 of its original bytes between them.
     */
    private static String shorten(String name, byte[] raw, int maxBytes) {
        if (utf8Bytes(name) <= maxBytes) {
            return name;
        }
        String hash = QUOTE + "~" + HexFormat.of().formatHex(sha256(raw), 0, 4);
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 && name.indexOf(QUOTE, dot) < 0 ? name.substring(dot) : "";
        int budget = maxBytes - utf8Bytes(hash) - utf8Bytes(extension);
        StringBuilder stem = new StringBuilder();
        int used = 0;
        int i = 0;
        while (i < name.length() - extension.length()) {
            int codePoint = name.codePointAt(i);
            int width = Character.charCount(codePoint);
            // an escape (the quote and what follows it) is kept whole or not at all
            int unit = codePoint == QUOTE ? width + escapeLength(name, i + width) : width;
            int bytes = utf8Bytes(name.substring(i, i + unit));
            if (used + bytes > budget) {
                break;
            }
            stem.append(name, i, i + unit);
            used += bytes;
            i += unit;
        }
        return stem + hash + extension;
    }

    private static int escapeLength(String name, int at) {
        if (at >= name.length()) {
            return 0;
        }
        char next = name.charAt(at);
        boolean hex = Character.digit(next, 16) >= 0 && at + 1 < name.length() && Character.digit(name.charAt(at + 1), 16) >= 0;
        return hex ? 2 : Character.charCount(name.codePointAt(at));
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The length of the valid UTF-8 sequence at {@code at}, 0 when the byte there starts none. */
    private static int utf8Length(byte[] raw, int at) {
        int first = raw[at] & 0xFF;
        int length = first < 0x80 ? 1 : first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3
                : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
        if (length <= 1 || at + length > raw.length) {
            return at + length > raw.length ? 0 : length;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(raw, at, length));
            return length;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }
}
