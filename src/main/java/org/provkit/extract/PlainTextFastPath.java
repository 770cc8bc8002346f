package org.provkit.extract;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Plain UTF-8 text without a byte-order mark gives the same text through Tika's text parser as its
 * own characters, with characters XML cannot carry replaced by U+FFFD (Tika's SafeContentHandler) and
 * a final line break (the end of Tika's paragraph). Doing that directly skips charset detection and the
 * XHTML round trip, the bulk of Tika's cost for small articles. {@code PlainTextFastPathTest} holds
 * the two to the same output.
 */
final class PlainTextFastPath {

    private PlainTextFastPath() {
    }

    /** The text Tika would give, or empty when the bytes are not BOM-less valid UTF-8. */
    static Optional<String> text(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return Optional.empty();
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(chars.length() + 1);
        int length = chars.length();
        for (int i = 0; i < length; i++) {
            char c = chars.get(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars.get(i + 1))) {
                out.append(c).append(chars.get(i + 1));
                i++;
            } else if (validXml(c)) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        out.append('\n');
        return Optional.of(out.toString());
    }

    /** XML 1.0 characters (surrogate pairs are handled by the caller). */
    private static boolean validXml(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    static void write(String text, Writer out) throws IOException {
        out.write(text);
    }
}
