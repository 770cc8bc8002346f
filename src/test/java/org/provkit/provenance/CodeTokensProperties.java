package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link CodeTokens} finds exactly the spans the regex it replaces finds. */
class CodeTokensProperties {

    private static final Pattern REGEX = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}[\\p{L}\\p{N}\\-]*(?![\\p{L}\\p{N}])");

    @Property(tries = 3000)
    void findsWhatTheRegexFinds(@ForAll("lines") String line) {
        assertThat(scanned(line)).as(line).isEqualTo(regex(line));
    }

    @Example
    void agencyCodesInALine() {
        assertThat(scanned("La Habana, 3 mar (PL) -- según AFP-EFE, x2 y Ⅻ 12RHC é.")).containsExactly(
                "La", "Habana", "mar", "PL", "según", "AFP-EFE", "x2", "y", "é");
    }

    @Provide
    Arbitrary<String> lines() {
        // Letters of several scripts and cases, digits (ASCII, Arabic-Indic, Roman numeral, superscript,
        // a supplementary bold digit), supplementary letters, hyphens, spaces, punctuation, combining marks,
        // lone surrogates.
        Arbitrary<String> pieces = Arbitraries.of("A", "z", "É", "ñ", "ß", "Ж", "ع", "中", "ǅ", "ʰ", "1", "٣", "Ⅻ", "²",
                "\uD835\uDFCF", "\uD835\uDC00", "\uD801\uDC00", "-", " ", "(", ")", ".", ",", "'", "’", "_", "\u0301",
                "\uD835", "\uDC00", "PL", "AFP", "EFE", "RHC", "x-2");
        return pieces.list().ofMaxSize(20).map(list -> String.join("", list));
    }

    private static List<String> scanned(String line) {
        List<String> out = new ArrayList<>();
        CodeTokens.forEach(line, (start, end) -> out.add(line.substring(start, end)));
        return out;
    }

    private static List<String> regex(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = REGEX.matcher(line);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
