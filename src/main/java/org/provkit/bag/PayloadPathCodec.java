package org.provkit.bag;

/**
 * RFC 8493 §2.1.3: in manifest paths, and only there, CR, LF and '%' are written {@code %0D},
 * {@code %0A} and {@code %25}. Nothing else is encoded or decoded (older bags hold literal names
 * such as {@code %7Etest.txt}).
 */
public final class PayloadPathCodec {

    private PayloadPathCodec() {
    }

    public static String encode(String path) {
        StringBuilder out = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            String replacement = switch (c) {
                case '%' -> "%25";
                case '\r' -> "%0D";
                case '\n' -> "%0A";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(path.length() + 8).append(path, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? path : out.toString();
    }

    /** Decodes only {@code %0D}, {@code %0A} and {@code %25} (either hex case); any other '%' stays. */
    public static String decode(String path) {
        int percent = path.indexOf('%');
        if (percent < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length()).append(path, 0, percent);
        int i = percent;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '%' && i + 3 <= path.length()) {
                char decoded = decodeEscape(path.charAt(i + 1), path.charAt(i + 2));
                if (decoded != 0) {
                    out.append(decoded);
                    i += 3;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static char decodeEscape(char high, char low) {
        char lowUpper = Character.toUpperCase(low);
        if (high == '2' && low == '5') {
            return '%';
        }
        if (high == '0' && lowUpper == 'D') {
            return '\r';
        }
        if (high == '0' && lowUpper == 'A') {
            return '\n';
        }
        return 0;
    }
}
