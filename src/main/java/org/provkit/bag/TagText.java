package org.provkit.bag;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decoding tag files: the declared encoding, strictly; a UTF-8 byte-order mark is noted; CR, LF or CRLF line ends. */
public final class TagText {

    private TagText() {
    }

    /** The decoded text and whether the bytes began with a UTF-8 byte-order mark (which is not part of the text). */
    public record Decoded(String text, boolean utf8Bom) {
    }

    public static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    /**
     * @throws CharacterCodingException when the bytes are not text in {@code charset}
     */
    public static Decoded decode(byte[] bytes, Charset charset) throws CharacterCodingException {
        boolean bom = startsWithUtf8Bom(bytes) && charset.equals(StandardCharsets.UTF_8);
        int offset = bom ? 3 : 0;
        requireText(bytes, offset, charset);
        // Checked strictly above in small pieces; the String is then made in one step, without the
        // intermediate char buffer (twice the bytes) a decoder's decode() would hold: a manifest of
        // 300,000 files is 57 MB.
        String text = new String(bytes, offset, bytes.length - offset, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            // a UTF-16/UTF-32 decoder keeps a BOM it was not told to expect; it is never content
            text = text.substring(1);
        }
        return new Decoded(text, bom);
    }

    /** Throws unless {@code bytes} from {@code offset} are text in {@code charset} (malformed or unmappable input). */
    private static void requireText(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(1 << 14);
        while (true) {
            // All input is in hand, so every call is the last: an incomplete sequence at the end is malformed.
            CoderResult result = decoder.decode(in, out.clear(), true);
            if (result.isError()) {
                result.throwException();
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        while (true) {
            CoderResult result = decoder.flush(out.clear());
            if (result.isError()) {
                result.throwException();
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    /** Receives the lines of a text one at a time, numbered from 1. */
    @FunctionalInterface
    public interface LineVisitor {
        void line(int number, String line);
    }

    /** The lines of a text split at CR, LF or CRLF; a final line end does not start another line. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        forEachLine(text, (number, line) -> lines.add(line));
        return lines;
    }

    /** As {@link #lines}, one line at a time: a manifest of a million lines is never a list of them. */
    public static void forEachLine(String text, LineVisitor visitor) {
        // String.indexOf rather than a loop over every character: it is compiled (and vectorised) long
        // before verify's own code is, and a manifest of 6,000 files is a million characters.
        int length = text.length();
        int number = 1;
        int start = 0;
        int cr = text.indexOf('\r');
        int lf = text.indexOf('\n');
        while (cr >= 0 || lf >= 0) {
            int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
            visitor.line(number++, text.substring(start, end));
            start = end + 1;
            if (end == cr && start < length && text.charAt(start) == '\n') {
                start++;
            }
            if (cr >= 0 && cr < start) {
                cr = text.indexOf('\r', start);
            }
            if (lf >= 0 && lf < start) {
                lf = text.indexOf('\n', start);
            }
        }
        if (start < length) {
            visitor.line(number, text.substring(start));
        }
    }
}
