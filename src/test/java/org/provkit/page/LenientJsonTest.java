package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** JSON-LD as pages write it: strict JSON as Jackson reads it, and the usual faults repaired or refused, never thrown. */
class LenientJsonTest {

    private static final ObjectMapper STRICT = new ObjectMapper();

    private static JsonNode strict(String json) throws Exception {
        return STRICT.readTree(json);
    }

    @Test
    void commentsAndTrailingCommas() throws Exception {
        JsonNode n = LenientJson.parse("""
                {
                  // the article
                  "@type": "NewsArticle", /* by an agency */
                  "author": ["AFP", "dpa",],
                }""");
        assertThat(n).isEqualTo(strict("{\"@type\":\"NewsArticle\",\"author\":[\"AFP\",\"dpa\"]}"));
    }

    @Test
    void singleQuotesAndRawControlCharacters() throws Exception {
        JsonNode n = LenientJson.parse("{'headline': 'Zeile eins\tZeile\nzwei'}");
        assertThat(n).isEqualTo(strict("{\"headline\":\"Zeile eins\\tZeile\\nzwei\"}"));
    }

    @Test
    void htmlCommentAndCdataWrappersAreUnwrapped() throws Exception {
        JsonNode expected = strict("{\"@type\":\"Article\"}");
        assertThat(LenientJson.parse("<!-- {\"@type\": \"Article\"} -->")).isEqualTo(expected);
        assertThat(LenientJson.parse("//<![CDATA[\n{\"@type\": \"Article\"}\n//]]>")).isEqualTo(expected);
        assertThat(LenientJson.parse("  <![CDATA[{\"@type\": \"Article\"}]]>  ")).isEqualTo(expected);
    }

    @Test
    void unescapedQuotesInsideAStringAreRepaired() throws Exception {
        JsonNode n = LenientJson.parse("{\"headline\": \"Biden \"incapacitado\" dice\", \"author\": \"EFE\"}");
        assertThat(n).isEqualTo(strict("{\"headline\":\"Biden \\\"incapacitado\\\" dice\",\"author\":\"EFE\"}"));
    }

    @Test
    void aQuoteEndingAValueInsideAStringIsAmbiguousAndKeepsItsMeaning() {
        assertThat(LenientJson.escapeStrayQuotes("{\"a\": \"x \"y\" z\"}")).isEqualTo("{\"a\": \"x \\\"y\\\" z\"}");
        assertThat(LenientJson.escapeStrayQuotes("[\"a\\\"b\", \"c\"]")).isEqualTo("[\"a\\\"b\", \"c\"]");
    }

    @Test
    void whatIsNoJsonGivesNull() {
        assertThat(LenientJson.parse("")).isNull();
        assertThat(LenientJson.parse("   ")).isNull();
        assertThat(LenientJson.parse("<!-- -->")).isNull();
        assertThat(LenientJson.parse("{\"a\": ")).isNull();
        assertThat(LenientJson.parse("window.dataLayer = [];")).isNull();
    }

    @Property(tries = 3000)
    void neverThrows(@ForAll("messy") String text) {
        LenientJson.parse(text); // null or a value: no exception escapes
    }

    @Property(tries = 1000)
    void validJsonParsesExactlyAsJacksonDoes(@ForAll("values") Object value) throws Exception {
        String json = STRICT.writeValueAsString(value);
        assertThat(LenientJson.parse(json)).isEqualTo(strict(json));
        assertThat(LenientJson.parse("\n  " + json + "\n")).isEqualTo(strict(json));
    }

    @Provide
    Arbitrary<String> messy() {
        Arbitrary<String> pieces = Arbitraries.of("{", "}", "[", "]", "\"", "'", ":", ",", "//", "/*", "*/", "<!--", "-->",
                "<![CDATA[", "]]>", "\\", "\\u00", "null", "1e999", "NaN", "-", " ", "\n", "\t", "a", "é", "名");
        Arbitrary<String> composed = pieces.list().ofMaxSize(30).map(l -> String.join("", l));
        return Arbitraries.oneOf(composed, Arbitraries.strings().ofMaxLength(60));
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                () -> Arbitraries.integers().map(i -> (Object) i),
                () -> Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) d),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> values().list().ofMaxSize(4).map(l -> (Object) l),
                () -> Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), values()).ofMaxSize(4).map(m -> (Object) m));
    }

}
