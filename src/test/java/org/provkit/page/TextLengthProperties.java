package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** {@link TextLength} answers exactly what {@code element.text()} answers, for every element and limit. */
class TextLengthProperties {

    @Property(tries = 1500)
    void sameAnswersAsText(@ForAll("fragments") String html) {
        for (Element e : Jsoup.parse(html).getAllElements()) {
            int length = e.text().length();
            for (int limit = Math.max(0, length - 3); limit <= length + 3; limit++) {
                assertThat(TextLength.longerThan(e, limit)).as("%s / %d", e, limit).isEqualTo(length > limit);
            }
            assertThat(TextLength.longerThan(e, 0)).isEqualTo(length > 0);
            assertThat(TextLength.isBlank(e)).as("%s", e).isEqualTo(e.text().isBlank());
        }
    }

    @Example
    void stopsEarlyOnALongPage() {
        Element body = Jsoup.parse("<p>" + "word ".repeat(100_000) + "</p>").body();
        assertThat(TextLength.longerThan(body, 400)).isTrue();
        assertThat(TextLength.longerThan(body, 1_000_000)).isFalse();
    }

    @Provide
    Arbitrary<String> fragments() {
        // Tags that text() treats as blocks, inline, line breaks and raw text; whitespace of every kind jsoup
        // collapses or keeps; invisible characters it drops (soft hyphen, zero-width space); CJK and a surrogate pair.
        Arbitrary<String> pieces = Arbitraries.of("<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<br>", "<b>", "</b>",
                "<pre>", "</pre>", "<textarea>", "</textarea>", "<script>x, y</script>", "<style>p{}</style>", "<li>", "<td>",
                "<img alt=x>", "<!-- c -->", "<![CDATA[cd]]>", "word", "AFP", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u00ad",
                "\u200b", "\u200d", "\u2009", "\u3000", "中文", "\uD83D\uDCF7", "&nbsp;", "&amp;", ",", "\u0085", "\u001f");
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }
}
