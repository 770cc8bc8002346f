package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Tag-file lines split at CR, LF or CRLF, numbered from 1, a final line end starting no further line. */
class TagTextLinesProperties {

    @Property(tries = 3000)
    void splitsAsACharacterByCharacterReading(@ForAll("texts") String text) {
        List<String> actual = new ArrayList<>();
        TagText.forEachLine(text, (number, line) -> actual.add(number + ":" + line));
        assertThat(actual).as(text.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(reference(text));
    }

    @Example
    void lineEndsOfEveryKind() {
        assertThat(TagText.lines("a\r\nb\rc\nd")).containsExactly("a", "b", "c", "d");
        assertThat(TagText.lines("a\n\n\r\r\nb\n")).containsExactly("a", "", "", "", "b");
        assertThat(TagText.lines("")).isEmpty();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "é", "中", "\r", "\n", "\r\n", " ", "sha").list().ofMaxSize(16).map(l -> String.join("", l));
    }

    /** Character by character, as RFC 8493 describes line ends. */
    private static List<String> reference(String text) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(number++ + ":" + text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(number + ":" + text.substring(start));
        }
        return lines;
    }
}
