package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.provkit.TestFiles;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The plain-text shortcut gives exactly the text Tika's own text parser gives. */
class PlainTextFastPathTest {

    private static final AutoDetectParser TIKA = new AutoDetectParser();

    @Test
    void theSeedGivesTikasText() throws Exception {
        byte[] seed = Files.readAllBytes(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"));
        assertThat(PlainTextFastPath.text(seed)).contains(tika(seed));
    }

    @Property(tries = 300)
    void anyUtf8TextGivesTikasText(@ForAll("articles") String article) throws Exception {
        byte[] bytes = article.getBytes(StandardCharsets.UTF_8);
        assertThat(PlainTextFastPath.text(bytes)).contains(tika(bytes));
    }

    @Test
    void bytesThatAreNotUtf8AreLeftToTika() {
        assertThat(PlainTextFastPath.text(new byte[] {'c', 'a', 'f', (byte) 0xE9})).isEmpty();
        assertThat(PlainTextFastPath.text(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'})).isEmpty();
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() throws Exception {
        byte[] bytes = "a\u0001b\u000Bc\uFFFEd – señal €\n".getBytes(StandardCharsets.UTF_8);
        Optional<String> fast = PlainTextFastPath.text(bytes);
        assertThat(fast).contains("a\uFFFDb\uFFFDc\uFFFDd – señal €\n\n");
    }

    @Provide
    Arbitrary<String> articles() {
        Arbitrary<String> words = Arbitraries.of("La", "Habana", "señal", "Díaz-Canel", "ação", "Xi", "(RHC)", "Fuente:",
                "Prensa", "Latina", "€", "🙂", "—", "naïve", "Ünïcödé", "the", "de", "la", "\t", "\r\n", "\n", "\n\n", "  ",
                "http://example.org/a?b=c", "<b>", "&amp;", "\"quoted\"", "l'amitié");
        return words.list().ofMinSize(20).ofMaxSize(400).map(list -> String.join(" ", list));
    }

    private static String tika(byte[] bytes) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, "article.txt");
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            TIKA.parse(in, handler, metadata, new ParseContext());
        }
        return handler.toString();
    }
}
