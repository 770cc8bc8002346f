package org.provkit.catalog;

/**
 * Text as the full-text index holds it. SQLite's {@code unicode61} tokenizer splits words at spaces and
 * punctuation, but Chinese, Japanese and Korean are written without spaces between words (Korean attaches
 * particles: 쿠바는, 쿠바와), so a whole clause became one token and {@code search 古巴} found nothing in
 * {@code 中国与古巴签署新的合作协议}. Here each Han, kana or Hangul character becomes a token of its own
 * (as Lucene's standard analyzer does for Han): a zero-width space ({@code U+200B}, a separator to the
 * tokenizer, invisible when shown) goes between two such characters, in the index and in every query, so
 * that a CJK word is found as the phrase of its characters ({@code 古巴} = "古" next to "巴"). Other
 * scripts are untouched: matching stays word by word, without regard to case or accents.
 */
public final class SearchText {

    /** The separator put between two CJK characters; removed from what is shown. */
    public static final char SEPARATOR = '\u200B';

    private SearchText() {
    }

    /**
     * {@code text} with a separator between any two adjacent CJK characters; a NUL (which ends the query
     * string SQLite's full-text parser reads: "unterminated string") becomes a space, and a lone surrogate
     * (half of a UTF-16 pair, no character at all) U+FFFD.
     */
    public static String segment(String text) {
        if (text == null) {
            return null;
        }
        text = wellFormed(text);
        int first = firstCjk(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2).append(text, 0, first);
        boolean previousCjk = false;
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean cjk = isCjk(codePoint);
            if (cjk && previousCjk) {
                out.append(SEPARATOR);
            }
            out.appendCodePoint(codePoint);
            previousCjk = cjk;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if ((!paired || c == 0) && out == null) {
                out = new StringBuilder(text);
            }
            if (!paired || c == 0) {
                out.setCharAt(i, c == 0 ? ' ' : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** What was indexed, as people should see it: without the separators. */
    public static String unsegment(String text) {
        return text == null || text.indexOf(SEPARATOR) < 0 ? text : text.replace(String.valueOf(SEPARATOR), "");
    }

    /** True when {@code text} holds a character that is indexed on its own. */
    public static boolean hasCjk(String text) {
        return firstCjk(text) >= 0;
    }

    private static int firstCjk(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isCjk(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /** Han (with its iteration mark 々), hiragana, katakana (with the long-vowel mark ー), Hangul, bopomofo. */
    static boolean isCjk(int codePoint) {
        if (codePoint < 0x1100) {
            return false;
        }
        if (codePoint == 0x30FC || codePoint == 0xFF70 || codePoint == 0x3005) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) && Character.isLetter(codePoint);
    }
}
