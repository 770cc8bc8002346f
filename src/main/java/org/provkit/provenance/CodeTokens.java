package org.provkit.provenance;

/**
 * The words of a line that may be an agency code ("PL", "AFP", "EFE"): runs of letters, digits and
 * hyphens that start with a letter not preceded by a letter or digit. It finds exactly what the regex
 * {@code (?<![\p{L}\p{N}])\p{L}[\p{L}\p{N}\-]*(?![\p{L}\p{N}])} finds (held to it by
 * {@code CodeTokensProperties}), without the regex engine: that scan ran over every word of every
 * line and was a third of the in-text attribution rule's time.
 */
final class CodeTokens {

    /** Receives each token as [start, end) offsets into the line. */
    interface Visitor {
        void token(int start, int end);
    }

    private CodeTokens() {
    }

    static void forEach(String text, Visitor visitor) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            // The regex looks one char back, so a low surrogate before i counts as neither letter nor digit.
            if (Character.isLetter(cp) && (i == 0 || !letterOrNumber(text.charAt(i - 1)))) {
                int end = i + Character.charCount(cp);
                while (end < length) {
                    int next = text.codePointAt(end);
                    if (next != '-' && !letterOrNumber(next)) {
                        break;
                    }
                    end += Character.charCount(next);
                }
                visitor.token(i, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** {@code \p{L}} or {@code \p{N}}. */
    private static boolean letterOrNumber(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
