package org.provkit;

import java.text.Normalizer;

/** Unicode NFC, without the cost of a new string for text that already is (most of it). */
public final class Nfc {

    private Nfc() {
    }

    /**
     * The NFC form of {@code s}. Every character below U+0300 is NFC on its own and composes with
     * nothing before it (combining marks, Hangul jamo and the singletons start there), so a string
     * of them is returned as it is.
     */
    public static String of(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }
}
