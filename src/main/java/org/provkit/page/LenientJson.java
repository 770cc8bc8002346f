package org.provkit.page;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON as pages write it in {@code <script type="application/ld+json">}: comments, trailing commas, raw control
 * characters, single quotes, CDATA and HTML-comment wrappers, and quotes left unescaped inside strings
 * ({@code "headline": "Biden "incapacitado""}), which a repair pass escapes when the strict parse fails.
 */
public final class LenientJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private LenientJson() {
    }

    /** The parsed value, or null when even the repaired text is no JSON. */
    public static JsonNode parse(String text) {
        String t = unwrap(text);
        if (t.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readTree(t);
        } catch (IOException | RuntimeException e) {
            try {
                return MAPPER.readTree(escapeStrayQuotes(t));
            } catch (IOException | RuntimeException e2) {
                return null;
            }
        }
    }

    private static String unwrap(String text) {
        String t = text.strip();
        for (String[] w : new String[][] {{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"/*<![CDATA[*/", "/*]]>*/"}}) {
            if (t.startsWith(w[0])) {
                t = t.substring(w[0].length());
                int end = t.lastIndexOf(w[1]);
                t = (end >= 0 ? t.substring(0, end) : t).strip();
            }
        }
        return t;
    }

    /**
     * Escapes every double quote inside a string that does not end it: a closing quote is followed (after blanks)
     * by {@code , : } ]} or the end of the text.
     */
    static String escapeStrayQuotes(String t) {
        StringBuilder out = new StringBuilder(t.length() + 16);
        boolean inString = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!inString) {
                out.append(c);
                if (c == '"') {
                    inString = true;
                }
                continue;
            }
            if (c == '\\' && i + 1 < t.length()) {
                out.append(c).append(t.charAt(++i));
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                while (j < t.length() && Character.isWhitespace(t.charAt(j))) {
                    j++;
                }
                if (j >= t.length() || ",:}]".indexOf(t.charAt(j)) >= 0) {
                    out.append(c);
                    inString = false;
                } else {
                    out.append("\\\"");
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
