package org.provkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The shortcut that skips NFC for text without combining marks gives what the JDK's normalizer gives. */
class NfcProperties {

    @Property(tries = 2000)
    void theShortcutEqualsTheJdksNfc(@ForAll("mixedText") String s) {
        assertThat(Nfc.of(s)).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFC));
    }

    @Provide
    Arbitrary<String> mixedText() {
        // Latin-1 and Latin Extended letters with and without combining marks, Hangul jamo, singletons.
        return Arbitraries.strings().withCharRange(' ', '\u024F').withChars('\u0301', '\u0308', '\u0327', '\u212B', '\u1100', '\u1161',
                '\uAC00', '\u2126', 'e', 'A').ofMaxLength(40);
    }
}
