package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The cheap checks that let a line skip a regex never skip a line the regex would match. */
class LinePrefilterProperties {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    @Property(tries = 3000)
    void aLineWithAUrlIsNeverSkipped(@ForAll("lines") String line) {
        if (URL.matcher(line).find()) {
            assertThat(ProvenanceAnalyzer.mayHoldUrl(line)).as(line).isTrue();
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.of("www", "WWW", "wWw", ".", "http", "HTTPS", "://", ":/", "/", " ", "x", "é", "ｗ", "K", "\u212a",
                "radiohc.cu", "w", "ww", "\n", "ı", "İ").list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
