package org.provkit.page;

/** Text length as a reader weighs it: a Chinese, Japanese or Korean character carries about a word. */
final class TextMeasure {

    private TextMeasure() {
    }

    /** Non-blank characters, CJK ones counted three times. */
    static int weight(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '\u00a0') {
                continue;
            }
            n += c >= 0x1100 && isCjk(c) ? 3 : 1;
        }
        return n;
    }

    static boolean isCjk(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** Commas of every script: a sentence-rich paragraph has them. */
    static int commas(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،' || c == '。' || c == '؛') {
                n++;
            }
        }
        return n;
    }
}
