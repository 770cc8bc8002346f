package org.provkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.provkit.catalog.TestBundles.doc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ProvkitException;
import org.provkit.verify.VerificationReport;

class CatalogTest {

    static final String SEED_TEXT = "Xi Jinping ratifie à Miguel Díaz-Canel l'amitié impérissable de la Chine.\n"
            + "La Havane, 30 août, (RHC)- Le président chinois a ratifié ce lundi...\nSource: Prensa Latina\n";

    @TempDir
    Path archives;

    final AtomicInteger verified = new AtomicInteger();
    final Function<Path, VerificationReport> countingVerifier = path -> {
        verified.incrementAndGet();
        return TestBundles.manifestCheck(path);
    };

    static List<TestBundles.Doc> seedDocs() {
        return List.of(doc("seeds/000_seed.txt", "Xi Jinping ratifie à Miguel Díaz-Canel l'amitié", "fr", SEED_TEXT,
                List.<String[]>of(new String[] {"Prensa Latina", "origin", "true"}, new String[] {"Radio Habana Cuba", "publisher", "true"}),
                List.of("Image not found or type unknown")));
    }

    static List<TestBundles.Doc> otherDocs(String word) {
        return List.of(doc("samples/a.txt", "Rail line reopens", "en", "The rail line reopened on Monday. " + word + "\n",
                List.<String[]>of(new String[] {"AFP", "origin", "true"}, new String[] {"Daily Courier", "publisher", "false"}),
                List.of()),
                doc("samples/b.txt", "Untitled note", "en", "A note nobody signed.\n", List.of(),
                        List.of("[Image unavailable]", "[Image unavailable]")));
    }

    private CatalogUpdater.Stats update(boolean rebuild) {
        try (Catalog catalog = Catalog.open(Catalog.fileIn(archives), rebuild)) {
            return new CatalogUpdater(countingVerifier, null, 2).update(archives, catalog, CatalogUpdater.Progress.NONE);
        }
    }

    @Test
    void createsTheDocumentedSchemaWithAVersionAndAnAccentFoldingFullTextIndex() {
        update(false);
        try (Catalog catalog = Catalog.openReadOnly(Catalog.fileIn(archives))) {
            List<String> tables = catalog.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                    r -> r.getString(1));
            assertThat(tables).contains("schema_version", "bundles", "documents", "parties", "chain_hops", "credits",
                    "missing_assets", "urls", "findings", "verification_issues", "document_text");
            assertThat(catalog.query("SELECT version FROM schema_version", r -> r.getInt(1))).containsExactly(CatalogSchema.VERSION);
            assertThat(catalog.query("SELECT sql FROM sqlite_master WHERE name = 'document_text'", r -> r.getString(1)).get(0))
                    .contains("fts5").contains("remove_diacritics 2");
            assertThat(catalog.query("PRAGMA journal_mode", r -> r.getString(1))).containsExactly("wal");
        }
    }

    @Test
    void indexesRecordsChainsAssetsUrlsAndTextFromEverySerialization() throws IOException {
        TestBundles.writeTar(archives, "seeds-tar", seedDocs());
        TestBundles.writeTarGz(archives, "seeds-gz", seedDocs());
        TestBundles.writeZip(archives, "seeds-zip", seedDocs());
        TestBundles.writeDirectory(archives, "seeds-dir", seedDocs());
        Files.writeString(archives.resolve("README.md"), "not a bundle");
        Files.writeString(archives.resolve(".seeds-x.tar.partial"), "an interrupted write");

        CatalogUpdater.Stats stats = update(false);

        assertThat(stats.bundles()).isEqualTo(4);
        assertThat(stats.indexed()).isEqualTo(4);
        try (Catalog catalog = Catalog.openReadOnly(Catalog.fileIn(archives))) {
            assertThat(catalog.query("SELECT path || ' ' || format || ' ' || name || ' ' || valid FROM bundles ORDER BY path",
                    r -> r.getString(1))).containsExactly("seeds-dir dir seeds-dir 1", "seeds-gz.tar.gz tar.gz seeds-gz 1",
                            "seeds-tar.tar tar seeds-tar 1", "seeds-zip.zip zip seeds-zip 1");
            assertThat(catalog.query("SELECT DISTINCT d.path || '|' || d.language || '|' || d.title FROM documents d", r -> r.getString(1)))
                    .containsExactly("seeds/000_seed.txt|fr|Xi Jinping ratifie à Miguel Díaz-Canel l'amitié");
            assertThat(catalog.query("""
                    SELECT group_concat(p.name, ' > ') FROM (SELECT * FROM chain_hops ORDER BY position) h
                    JOIN parties p ON p.id = h.party_id GROUP BY h.document_id""", r -> r.getString(1)))
                    .containsOnly("Prensa Latina > Radio Habana Cuba").hasSize(4);
            assertThat(catalog.query("SELECT count(*) FROM missing_assets", r -> r.getInt(1))).containsExactly(4);
            assertThat(catalog.query("SELECT DISTINCT domain FROM urls", r -> r.getString(1))).containsExactly("example.org");
            assertThat(catalog.query("SELECT count(*) FROM document_text WHERE document_text MATCH 'impérissable'",
                    r -> r.getInt(1))).containsExactly(4);
            assertThat(catalog.query("SELECT DISTINCT tagmanifest_sha256 FROM bundles", r -> r.getString(1))).hasSize(1)
                    .allMatch(h -> h.matches("[0-9a-f]{64}"));
            assertThat(catalog.query("SELECT DISTINCT bagging_date || ' ' || source_organization FROM bundles", r -> r.getString(1)))
                    .containsExactly("2026-11-28 Test Archive");
        }
    }

    @Test
    void aSecondRunReadsAndVerifiesNothingThatDidNotChange() throws IOException {
        TestBundles.writeTar(archives, "one", seedDocs());
        Path two = TestBundles.writeTar(archives, "two", otherDocs("bridge"));
        Path three = TestBundles.writeDirectory(archives, "three", otherDocs("viaduct"));

        assertThat(update(false)).extracting(CatalogUpdater.Stats::indexed, CatalogUpdater.Stats::unchanged).containsExactly(3, 0);
        assertThat(verified).hasValue(3);

        CatalogUpdater.Stats second = update(false);
        assertThat(second).extracting(CatalogUpdater.Stats::indexed, CatalogUpdater.Stats::unchanged, CatalogUpdater.Stats::removed)
                .containsExactly(0, 3, 0);
        assertThat(verified).hasValue(3);

        Files.setLastModifiedTime(two, FileTime.fromMillis(Files.getLastModifiedTime(two).toMillis() + 5000));
        Path added = three.resolve("data/originals/extra.txt");
        Files.writeString(added, "a file added to a folder bundle");
        Files.setLastModifiedTime(added, FileTime.fromMillis(System.currentTimeMillis() + 10000));
        assertThat(update(false)).extracting(CatalogUpdater.Stats::indexed, CatalogUpdater.Stats::unchanged).containsExactly(2, 1);
        assertThat(verified).hasValue(5);

        Files.delete(two);
        CatalogUpdater.Stats afterDelete = update(false);
        assertThat(afterDelete).extracting(CatalogUpdater.Stats::indexed, CatalogUpdater.Stats::removed).containsExactly(0, 1);
        try (Catalog catalog = Catalog.openReadOnly(Catalog.fileIn(archives))) {
            assertThat(catalog.query("SELECT path FROM bundles ORDER BY path", r -> r.getString(1))).containsExactly("one.tar", "three");
            assertThat(catalog.query("SELECT count(*) FROM document_text", r -> r.getInt(1))).containsExactly(3);
            assertThat(catalog.query("SELECT name FROM parties ORDER BY name", r -> r.getString(1)))
                    .containsExactly("AFP", "Daily Courier", "Prensa Latina", "Radio Habana Cuba");
        }

        assertThat(update(true)).extracting(CatalogUpdater.Stats::indexed).isEqualTo(2);
        assertThat(verified).hasValue(7);
    }

    @Test
    void otherTrustAnchorsMeanVerifyingAgain() throws IOException {
        TestBundles.writeTar(archives, "one", seedDocs());
        update(false);
        Path anchor = Files.writeString(archives.getParent().resolve(archives.getFileName() + "-ca.pem"), "pretend certificate");
        try (Catalog catalog = Catalog.open(Catalog.fileIn(archives), false)) {
            CatalogUpdater.Stats stats = new CatalogUpdater(countingVerifier, anchor, 2).update(archives, catalog, CatalogUpdater.Progress.NONE);
            assertThat(stats.indexed()).isEqualTo(1);
        }
        Files.delete(anchor);
    }

    @Test
    void aVerifierThatCrashesIsRecordedAsAnIntegrityFailureAndRetriedNextTime() throws IOException {
        TestBundles.writeTar(archives, "one", seedDocs());
        try (Catalog catalog = Catalog.open(Catalog.fileIn(archives), false)) {
            Function<Path, VerificationReport> broken = p -> {
                throw new IllegalStateException("boom");
            };
            new CatalogUpdater(broken, null, 2).update(archives, catalog, CatalogUpdater.Progress.NONE);
            assertThat(catalog.query("SELECT code || ': ' || message FROM findings", r -> r.getString(1)))
                    .anyMatch(f -> f.startsWith("INTEGRITY: one.tar is not valid: E_VERIFY_FAILED") && f.contains("boom"));
        }
        assertThat(update(false).indexed()).isEqualTo(1);
        try (Catalog catalog = Catalog.openReadOnly(Catalog.fileIn(archives))) {
            assertThat(catalog.query("SELECT code FROM findings WHERE code = 'INTEGRITY'", r -> r.getString(1))).isEmpty();
        }
    }

    @Test
    void aCatalogOfAnotherSchemaVersionIsRebuilt() throws IOException {
        TestBundles.writeTar(archives, "one", seedDocs());
        update(false);
        try (Catalog catalog = Catalog.open(Catalog.fileIn(archives), false)) {
            catalog.query("UPDATE schema_version SET version = 999 RETURNING version", r -> r.getInt(1));
        }
        assertThatThrownBy(() -> Catalog.openReadOnly(Catalog.fileIn(archives))).isInstanceOf(Catalog.Outdated.class)
                .hasMessageContaining("schema version 999");
        assertThat(update(false).indexed()).isEqualTo(1);
    }

    @Test
    void searchFindsAccentedWordsWithOrWithoutAccentsAndNothingForAnAbsentWord() throws IOException {
        TestBundles.writeTar(archives, "seeds", seedDocs());
        TestBundles.writeTar(archives, "samples", otherDocs("bridge"));
        update(false);
        try (Catalog catalog = Catalog.openReadOnly(Catalog.fileIn(archives))) {
            List<SearchHit> hits = CatalogSearch.search(catalog, SearchQuery.words("Díaz-Canel"), 10);
            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.bundle()).isEqualTo("seeds.tar");
                assertThat(hit.document()).isEqualTo("seeds/000_seed.txt");
                assertThat(hit.title()).startsWith("Xi Jinping");
                assertThat(hit.snippet()).contains("[Díaz-Canel]");
            });
            assertThat(CatalogSearch.search(catalog, SearchQuery.words("diaz-canel"), 10)).hasSize(1);
            assertThat(CatalogSearch.search(catalog, SearchQuery.words("DIAZ CANEL Prensa"), 10)).hasSize(1);
            assertThat(CatalogSearch.search(catalog, SearchQuery.words("xylophone"), 10)).isEmpty();
            assertThat(CatalogSearch.search(catalog, SearchQuery.words("Díaz xylophone"), 10)).isEmpty();
            assertThat(CatalogSearch.search(catalog, SearchQuery.words("impéris*"), 10)).hasSize(1);
            assertThat(CatalogSearch.search(catalog, SearchQuery.phrase("rail line reopened"), 10)).hasSize(1);
            assertThat(CatalogSearch.search(catalog, SearchQuery.phrase("line rail"), 10)).isEmpty();
            assertThat(CatalogSearch.search(catalog, SearchQuery.raw("bridge OR Havane"), 10)).hasSize(2);
            for (String hostile : List.of("\"", "NEAR(", "a\"b OR", "title:", "-x", "(((", "AND", "'; DROP TABLE bundles; --")) {
                if (hostile.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    assertThat(CatalogSearch.search(catalog, SearchQuery.words(hostile), 10)).isNotNull();
                } else {
                    assertThatThrownBy(() -> SearchQuery.words(hostile)).isInstanceOf(ProvkitException.class);
                }
            }
            assertThatThrownBy(() -> CatalogSearch.search(catalog, SearchQuery.raw("NEAR("), 10))
                    .isInstanceOf(ProvkitException.class).hasMessageContaining("not a valid full-text query");
            assertThat(catalog.query("SELECT count(*) FROM bundles", r -> r.getInt(1))).containsExactly(2);
        }
    }

    @Test
    void textsBeyondTheMemoryBudgetAreStreamedAgainWhileWriting() throws IOException {
        Path tar = TestBundles.writeTar(archives, "big", List.of(
                doc("a.txt", "A", "en", "alpha words here\n", List.of(), List.of()),
                doc("b.txt", "B", "en", "bravo words here\n", List.of(), List.of()),
                doc("c.txt", "C", "en", "charlie words here\n", List.of(), List.of())));
        BundleFile file = CollectionScanner.describe(tar, "big.tar", BundleFormat.TAR);
        BundleContents contents = BundleContentReader.read(file, 1);
        assertThat(contents.documents()).extracting(BundleContents.Document::textDeferred).containsExactly(false, true, true);
        try (Catalog catalog = Catalog.open(Catalog.fileIn(archives), false)) {
            catalog.store(new IndexedBundle(file, "", true, TestBundles.manifestCheck(tar), contents, List.of()));
            for (String word : List.of("alpha", "bravo", "charlie")) {
                assertThat(CatalogSearch.search(catalog, SearchQuery.words(word), 5)).as(word).hasSize(1);
            }
            assertThat(catalog.query("SELECT sum(text_indexed) FROM documents", r -> r.getInt(1))).containsExactly(3);
        }
    }

    @Test
    void titlesRankAboveBodyMentions() throws IOException {
        TestBundles.writeTar(archives, "a", List.of(doc("a.txt", "Harbour news", "en", "The harbour opened. Bridge mentioned once.\n",
                List.of(), List.of())));
        TestBundles.writeTar(archives, "b", List.of(doc("b.txt", "Bridge works", "en", "Works went on all week.\n",
                List.of(), List.of())));
        update(false);
        try (Catalog catalog = Catalog.openReadOnly(Catalog.fileIn(archives))) {
            assertThat(CatalogSearch.search(catalog, SearchQuery.words("bridge"), 10)).extracting(SearchHit::bundle)
                    .containsExactly("b.tar", "a.tar");
            assertThat(CatalogSearch.search(catalog, SearchQuery.words("bridge"), 1)).hasSize(1);
        }
    }
}
