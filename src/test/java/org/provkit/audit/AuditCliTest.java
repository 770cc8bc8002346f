package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.Main;
import org.provkit.catalog.Catalog;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.TestBundles;

/** {@code provkit audit} and {@code provkit search} through {@link Main#run}. */
class AuditCliTest {

    @TempDir
    Path work;

    record Run(int code, String out, String err) {
    }

    static Run provkit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path indexedCollection() throws IOException {
        Path archives = Files.createDirectories(work.resolve("archives"));
        AuditFixtures.writeCollection(archives);
        new AuditService(TestBundles::manifestCheck).run(new AuditService.Options(archives, null, false, 2),
                CatalogUpdater.Progress.NONE);
        return archives;
    }

    @Test
    void searchFindsTheSeedByAnAccentedNameAndNothingForAnAbsentWord() throws IOException {
        Path archives = indexedCollection();

        Run found = provkit("search", "Díaz-Canel", "--archives", archives.toString());
        assertThat(found.code()).as(found.err()).isEqualTo(ExitCode.OK);
        assertThat(found.out()).contains("1 result for \"Díaz-Canel\"").contains(AuditFixtures.SEED_BUNDLE)
                .contains("seeds/000_6aef5a1f1f04ad71.txt").contains("[Díaz-Canel]").contains("[fr]");
        assertThat(found.err()).isEmpty();

        Run json = provkit("search", "--json", "Prensa", "Latina", "--archives", archives.toString());
        assertThat(json.code()).isZero();
        JsonNode results = Json.mapper().readTree(json.out()).get("results");
        assertThat(results).hasSize(2);
        results.forEach(r -> assertThat(r.has("bundle") && r.has("document") && r.has("title") && r.has("snippet")).isTrue());

        Run absent = provkit("search", "xylophone", "--archives", archives.toString());
        assertThat(absent.code()).isZero();
        assertThat(absent.out()).startsWith("No document matches \"xylophone\"");
        assertThat(Json.mapper().readTree(provkit("search", "--json", "xylophone", "--archives", archives.toString()).out())
                .get("results")).isEmpty();
    }

    @Test
    void searchRefusesQueriesWithoutWordsAndBadFtsSyntaxAsUsageErrors() throws IOException {
        Path archives = indexedCollection();
        Run empty = provkit("search", "--archives", archives.toString(), "--", "---");
        assertThat(empty.code()).isEqualTo(ExitCode.USAGE);
        Run bad = provkit("search", "--fts", "NEAR(", "--archives", archives.toString());
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("not a valid full-text query");
        Run raw = provkit("search", "--fts", "Habana OR bridge", "--archives", archives.toString());
        assertThat(raw.code()).isZero();
        assertThat(provkit("search", "--phrase", "nueva sala de lectura", "--archives", archives.toString()).out())
                .contains("samples/es_pl_cubadebate.txt");
    }

    @Test
    void searchBuildsAMissingCatalogFirstAndSaysWhenOneIsStale() throws IOException {
        Path archives = Files.createDirectories(work.resolve("archives"));
        AuditFixtures.writeCollection(archives);
        Run first = provkit("search", "Díaz-Canel", "--archives", archives.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("no catalog in " + archives);
        assertThat(first.out()).contains("seeds/000_6aef5a1f1f04ad71.txt");
        assertThat(Files.exists(Catalog.fileIn(archives))).isTrue();

        Path seed = archives.resolve(AuditFixtures.SEED_BUNDLE);
        Files.setLastModifiedTime(seed, FileTime.fromMillis(Files.getLastModifiedTime(seed).toMillis() + 5000));
        Run stale = provkit("search", "Díaz-Canel", "--archives", archives.toString());
        assertThat(stale.err()).contains("1 bundle(s) in " + archives + " changed").contains("provkit audit");
    }

    @Test
    void auditWritesJsonCsvAndHtmlAndRefusesAMissingFolder() throws IOException {
        Path archives = Files.createDirectories(work.resolve("archives"));
        AuditFixtures.writeCollection(archives);
        Path csv = work.resolve("audit.csv");
        Path html = work.resolve("audit.html");

        Run run = provkit("audit", archives.toString(), "--json", "--csv", csv.toString(), "--html", html.toString());

        assertThat(run.code()).as(run.err()).isIn(ExitCode.OK, ExitCode.PROBLEMS);
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("bundles")).hasSize(4);
        assertThat(json.get("documents")).hasSize(4);
        assertThat(json.at("/catalogUpdate/indexed").asInt()).isEqualTo(4);
        assertThat(Files.readString(csv)).startsWith("bundle,bundle_valid,");
        assertThat(Files.readString(html)).contains("<svg id=\"party-graph\"");
        assertThat(run.err()).contains("wrote " + csv).contains("wrote " + html);

        Run again = provkit("audit", archives.toString());
        assertThat(again.out()).contains("verified and indexed").contains("Prensa Latina → Radio Habana Cuba")
                .contains("UNATTRIBUTED");

        Run missing = provkit("audit", work.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(missing.err()).contains("no folder").doesNotContain("Exception");

        assertThat(provkit("audit", archives.toString(), "--fail-on", "sometimes").code()).isEqualTo(ExitCode.USAGE);
        assertThat(provkit("audit", "--help").code()).isZero();
    }
}
