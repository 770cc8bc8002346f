package org.provkit.page;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character set to read an HTML page's bytes with. A byte-order mark wins; then bytes that are valid UTF-8
 * and hold multi-byte sequences are UTF-8 whatever the page declares (pages re-saved as UTF-8 keep their old
 * {@code charset=euc-kr} declaration, and valid UTF-8 of any length is almost never an accident of another
 * encoding); then the declaration (the caller's hint, else the page's own meta tag, which jsoup reads).
 */
public final class HtmlCharset {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");

    private HtmlCharset() {
    }

    /** The charset name to decode with, or null to let the parser read the page's declaration. */
    public static String choose(byte[] bytes, int length, String contentTypeHint) {
        if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return "UTF-8";
        }
        if (length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            return null; // UTF-16 with a BOM: the parser reads the mark
        }
        if (validUtf8WithMultibyte(bytes, length)) {
            return "UTF-8";
        }
        return fromContentType(contentTypeHint);
    }

    /** The charset named in a Content-Type value, when Java knows it. */
    public static String fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1)).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates) and hold at least one multi-byte
     * sequence. A sequence cut by the end of the buffer (a page read only in part) does not count against it.
     */
    static boolean validUtf8WithMultibyte(byte[] b, int length) {
        boolean multibyte = false;
        int i = 0;
        while (i < length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + need >= length) {
                for (int k = i + 1; k < length; k++) {
                    if ((b[k] & 0xC0) != 0x80) {
                        return false;
                    }
                }
                return multibyte; // cut at the end of what was read
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            multibyte = true;
            i += need + 1;
        }
        return multibyte;
    }
}
