package org.provkit.bundle;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * File names that are not valid UTF-8. Java shows them with U+FFFD but its {@link Path} keeps the bytes,
 * which its {@code file:} URI spells out as {@code %XX}: that is where the original bytes are read from.
 */
final class RawNames {

    private RawNames() {
    }

    static boolean looksUndecodable(String name) {
        return name.indexOf('\uFFFD') >= 0;
    }

    /** The bytes of {@code file}'s path relative to {@code folder}. */
    static byte[] relativeBytes(Path folder, Path file) {
        byte[] whole = uriPathBytes(file.toUri());
        byte[] base = uriPathBytes(folder.toUri());
        int skip = base.length + (base.length > 0 && base[base.length - 1] == '/' ? 0 : 1);
        return Arrays.copyOfRange(whole, Math.min(skip, whole.length), whole.length);
    }

    private static byte[] uriPathBytes(URI uri) {
        String raw = uri.getRawPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Valid UTF-8 sequences are kept, each other byte becomes {@code %XX}. */
    static String safeName(byte[] raw) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length) {
            int length = sequenceLength(raw, i);
            if (length > 0) {
                out.append(new String(raw, i, length, StandardCharsets.UTF_8));
                i += length;
            } else {
                out.append('%').append(String.format("%02X", raw[i] & 0xff));
                i++;
            }
        }
        return out.toString();
    }

    private static int sequenceLength(byte[] raw, int at) {
        for (int length = 1; length <= 4 && at + length <= raw.length; length++) {
            if (validUtf8(Arrays.copyOfRange(raw, at, at + length))) {
                return length;
            }
        }
        return 0;
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
