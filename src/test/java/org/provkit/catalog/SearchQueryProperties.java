package org.provkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provkit.catalog.TestBundles.doc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.provkit.ProvkitException;

/** Whatever a user types, a word search is never an FTS5 syntax error, and a word of a document finds it. */
class SearchQueryProperties {

    static Path archives;
    static Catalog catalog;

    @BeforeContainer
    static void index() throws IOException {
        archives = Files.createTempDirectory("provkit-search-properties");
        TestBundles.writeTar(archives, "seeds", List.of(doc("seed.txt", "Díaz-Canel", "fr", CatalogTest.SEED_TEXT, List.of(), List.of())));
        catalog = Catalog.open(Catalog.fileIn(archives), false);
        new CatalogUpdater(TestBundles::manifestCheck, null, 1).update(archives, catalog, CatalogUpdater.Progress.NONE);
    }

    @AfterContainer
    static void close() throws IOException {
        catalog.close();
        try (var files = Files.walk(archives)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> hostileInput() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("\"'()*:^-+ NEARORANDNOT{}[]éí").ofMaxLength(30));
    }

    @Property(tries = 300)
    void aWordSearchIsNeverASyntaxError(@ForAll("hostileInput") String input) {
        SearchQuery query;
        try {
            query = SearchQuery.words(input);
        } catch (ProvkitException noWords) {
            assertThat(input.codePoints().noneMatch(Character::isLetterOrDigit)).as(noWords.getMessage()).isTrue();
            return;
        }
        assertThat(CatalogSearch.search(catalog, query, 5)).isNotNull();
    }

    /**
     * What jqwik found: a NUL ends the query string SQLite's full-text parser reads ("unterminated string"), and
     * half a surrogate pair is no character at all.
     */
    @Example
    void aNulOrHalfACharacterIsNoSyntaxError() {
        for (String input : List.of("\u00000", "\u0000 0", "0\u0000", "\uD800" + "0", "0\uDC00", "Díaz\u0000Canel")) {
            assertThat(CatalogSearch.search(catalog, SearchQuery.words(input), 5)).as(input).isNotNull();
            assertThat(CatalogSearch.search(catalog, SearchQuery.phrase(input), 5)).as(input).isNotNull();
        }
        assertThat(CatalogSearch.search(catalog, SearchQuery.words("Díaz\u0000Canel"), 5)).hasSize(1);
    }

    @Property(tries = 100)
    void everyWordOfTheTextFindsTheDocument(@ForAll("wordsOfTheSeed") String word, @ForAll boolean upper) {
        String typed = upper ? word.toUpperCase(java.util.Locale.ROOT) : word;
        assertThat(CatalogSearch.search(catalog, SearchQuery.words(typed), 5)).as(typed).hasSize(1);
    }

    @Provide
    Arbitrary<String> wordsOfTheSeed() {
        List<String> words = List.of(CatalogTest.SEED_TEXT.split("[\\s,.()'-]+")).stream()
                .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).toList();
        return Arbitraries.of(words);
    }
}
