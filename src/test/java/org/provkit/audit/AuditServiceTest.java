package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.provkit.catalog.TestBundles.doc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.Json;
import org.provkit.catalog.CatalogFinding;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.FindingCode;
import org.provkit.catalog.TestBundles;

class AuditServiceTest {

    @TempDir
    Path archives;

    private AuditReport audit() {
        return new AuditService(TestBundles::manifestCheck).run(new AuditService.Options(archives, null, false, 2),
                CatalogUpdater.Progress.NONE);
    }

    private static JsonNode json(AuditReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(report, out);
        return Json.mapper().readTree(out.toByteArray());
    }

    private static List<String> codes(JsonNode findings, String code) {
        List<String> where = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("code").asText().equals(code)) {
                where.add(f.get("bundle").asText() + "|" + f.get("document").asText(null));
            }
        });
        return where;
    }

    @Test
    void jsonListsEveryBundleValidEveryDocumentWithItsChainAndFlagsGaps() throws IOException {
        AuditFixtures.writeCollection(archives);
        AuditReport report = audit();
        JsonNode json = json(report);

        assertThat(json.get("bundles")).hasSize(4);
        json.get("bundles").forEach(bundle -> {
            assertThat(bundle.get("valid").asBoolean()).as(bundle.get("path").asText()).isTrue();
            assertThat(bundle.has("signed") && bundle.has("signer") && bundle.has("path")).isTrue();
        });
        assertThat(json.get("documents")).hasSize(4);
        JsonNode seed = find(json.get("documents"), "path", "seeds/000_6aef5a1f1f04ad71.txt");
        assertThat(seed.get("bundle").asText()).isEqualTo(AuditFixtures.SEED_BUNDLE);
        assertThat(seed.get("language").asText()).isEqualTo("fr");
        assertThat(seed.get("title").asText()).contains("Díaz-Canel");
        assertThat(seed.at("/attribution/chain/0/party").asText()).isEqualTo("Prensa Latina");
        assertThat(seed.at("/attribution/chain/0/evidence/0/text").asText()).isEqualTo("(Prensa Latina)");
        assertThat(seed.at("/attribution/chain/1/party").asText()).isEqualTo("Radio Habana Cuba");
        assertThat(seed.get("missingAssets")).hasSize(1);
        assertThat(seed.at("/missingAssets/0/marker").asText()).isEqualTo("Image not found or type unknown");

        JsonNode findings = json.get("findings");
        findings.forEach(f -> assertThat(f.has("code") && f.has("severity") && f.has("bundle") && f.has("document")
                && f.has("message")).isTrue());
        assertThat(codes(findings, "UNATTRIBUTED")).containsExactly(AuditFixtures.NOTES_BUNDLE + "|notes/untitled.txt");
        assertThat(codes(findings, "MISSING_ASSET")).hasSize(AuditFixtures.MISSING_ASSETS)
                .containsOnlyOnce(AuditFixtures.SEED_BUNDLE + "|seeds/000_6aef5a1f1f04ad71.txt")
                .filteredOn(w -> w.endsWith("notes/untitled.txt")).hasSize(2);
        assertThat(codes(findings, "INTEGRITY")).isEmpty();
        assertThat(codes(findings, "UNSIGNED")).hasSize(4);
        assertThat(codes(findings, "UNRESOLVED_SOURCE")).isEmpty();
        assertThat(json.at("/summary/missingAssets").asInt()).isEqualTo(AuditFixtures.MISSING_ASSETS);

        JsonNode prensa = find(json.get("parties"), "name", "Prensa Latina");
        assertThat(prensa.get("originated").asInt()).isEqualTo(2);
        assertThat(prensa.get("published").asInt()).isZero();
        assertThat(find(json.get("parties"), "name", "Radio Habana Cuba").get("published").asInt()).isEqualTo(1);
        assertThat(json.get("links")).anySatisfy(link -> {
            assertThat(link.get("from").asText()).isEqualTo("Prensa Latina");
            assertThat(link.get("to").asText()).isEqualTo("Radio Habana Cuba");
            assertThat(link.get("documents").asInt()).isEqualTo(1);
        });
        assertThat(report.exitCode(false)).isEqualTo(ExitCode.OK);
        assertThat(report.exitCode(true)).isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void oneChangedByteFailsTheAuditAndNamesTheBundle() throws IOException {
        AuditFixtures.writeCollection(archives);
        assertThat(audit().exitCode(false)).isEqualTo(ExitCode.OK);

        TestBundles.flipByteNear(archives.resolve(AuditFixtures.SEED_BUNDLE), "inconditionnel");
        AuditReport report = audit();

        assertThat(report.catalogUpdate().indexed()).isEqualTo(1);
        assertThat(report.exitCode(false)).isEqualTo(ExitCode.PROBLEMS);
        assertThat(report.bundles()).filteredOn(b -> !b.valid()).extracting(AuditReport.BundleSummary::path)
                .containsExactly(AuditFixtures.SEED_BUNDLE);
        assertThat(report.findings()).filteredOn(f -> f.code() == FindingCode.INTEGRITY).singleElement().satisfies(f -> {
            assertThat(f.bundle()).isEqualTo(AuditFixtures.SEED_BUNDLE);
            assertThat(f.message()).contains(AuditFixtures.SEED_BUNDLE).contains("E_CHECKSUM")
                    .contains("data/originals/seeds/000_6aef5a1f1f04ad71.txt");
        });
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        TextReport.write(report, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("INVALID  " + AuditFixtures.SEED_BUNDLE)
                .contains("1 invalid").contains("ERROR    INTEGRITY");
    }

    @Test
    void aSecondAuditVerifiesNothingAndReportsTheSame() throws IOException {
        AuditFixtures.writeCollection(archives);
        JsonNode first = json(audit());
        AuditReport second = audit();
        assertThat(second.catalogUpdate().indexed()).isZero();
        assertThat(second.catalogUpdate().unchanged()).isEqualTo(4);
        JsonNode again = json(second);
        assertThat(again.get("documents")).isEqualTo(first.get("documents"));
        assertThat(again.get("findings")).isEqualTo(first.get("findings"));
        assertThat(again.get("parties")).isEqualTo(first.get("parties"));
    }

    @Test
    void conflictingOriginsAreFlaggedWithinADocumentAndAcrossBundles() throws IOException {
        String text = "La Habana, 3 mar (EFE) Texto.\nFuente: AFP\n";
        TestBundles.writeTar(archives, "a", List.of(doc("a.txt", "Doble", "es", text,
                List.<String[]>of(new String[] {"EFE", "origin", "true"}, new String[] {"AFP", "origin", "true"},
                        new String[] {"Cubadebate", "publisher", "true"}), List.of())));
        String copy = "The same story.\n";
        TestBundles.writeTar(archives, "b", List.of(doc("copy.txt", "Copy", "en", copy,
                List.<String[]>of(new String[] {"Reuters", "origin", "true"}, new String[] {"Site", "publisher", "true"}), List.of())));
        TestBundles.writeTar(archives, "c", List.of(doc("copy.txt", "Copy", "en", copy,
                List.<String[]>of(new String[] {"AP", "origin", "true"}, new String[] {"Site", "publisher", "true"}), List.of())));

        AuditReport report = audit();
        List<CatalogFinding> conflicts = report.findings().stream()
                .filter(f -> f.code() == FindingCode.CONFLICTING_ATTRIBUTION).toList();
        assertThat(conflicts).extracting(CatalogFinding::bundle).containsExactly("a.tar", "b.tar", "c.tar");
        assertThat(conflicts.get(0).message()).contains("\"EFE\"").contains("\"AFP\"").contains("(EFE)");
        assertThat(conflicts.get(1).message()).contains("\"Reuters\"").contains("\"AP\" in c.tar");

        Files.delete(archives.resolve("c.tar"));
        assertThat(audit().findings()).filteredOn(f -> f.code() == FindingCode.CONFLICTING_ATTRIBUTION)
                .extracting(CatalogFinding::bundle).containsExactly("a.tar");
    }

    @Test
    void unresolvedSourcesAreUnregisteredPartiesNoUrlPointsTo() throws IOException {
        TestBundles.Doc doc = doc("x.txt", "X", "en", "Text.\n", List.<String[]>of(
                new String[] {"Some Blog", "origin", "false"},
                new String[] {"Example", "publisher", "false"},
                new String[] {"Prensa Latina", "intermediary", "true"}), List.of());
        TestBundles.writeTar(archives, "x", List.of(doc));
        ObjectNode linked = doc("y.txt", "Y", "en", "Other text.\n", List.<String[]>of(new String[] {"Wire Service", "origin"}),
                List.of()).record();
        ((ObjectNode) linked.at("/attribution/chain/0")).putArray("urls").add("https://wire.example.net/story");
        TestBundles.writeTar(archives, "y", List.of(new TestBundles.Doc("y.txt", "Other text.\n", linked)));

        List<CatalogFinding> unresolved = audit().findings().stream()
                .filter(f -> f.code() == FindingCode.UNRESOLVED_SOURCE).toList();
        assertThat(unresolved).singleElement().satisfies(f -> {
            assertThat(f.document()).isEqualTo("x.txt");
            assertThat(f.message()).contains("\"Some Blog\"");
        });
    }

    @Test
    void unreadableOrOddRecordsAreToleratedAndReported() throws IOException {
        ObjectNode odd = Json.mapper().createObjectNode();
        odd.put("textPath", "data/text/odd.txt.txt");
        odd.put("title", 42);
        odd.put("futureField", "ignored");
        odd.putObject("attribution").put("chain", "not a list");
        odd.put("missingAssets", 7);
        TestBundles.writeTar(archives, "odd", List.of(new TestBundles.Doc("odd.txt", "Odd text.\n", odd)));
        Path bag = TestBundles.writeDirectory(archives, "broken", List.of(doc("b.txt", "B", "en", "B.\n", List.of(), List.of())));
        Files.writeString(bag.resolve("data/records/b.txt.json"), "{ not json");

        AuditReport report = audit();

        assertThat(report.documents()).extracting(AuditReport.DocumentSummary::path).contains("odd.txt");
        assertThat(report.documents()).filteredOn(d -> d.path().equals("odd.txt")).singleElement()
                .satisfies(d -> assertThat(d.chain()).isEmpty());
        assertThat(report.findings()).filteredOn(f -> f.code() == FindingCode.UNREADABLE_RECORD).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("data/records/b.txt.json"));
        assertThat(report.findings()).filteredOn(f -> f.code() == FindingCode.INTEGRITY).singleElement()
                .satisfies(f -> assertThat(f.bundle()).isEqualTo("broken"));
    }

    @Test
    void csvHasOneRowPerDocumentWithChainAndFindingCodes() throws IOException {
        AuditFixtures.writeCollection(archives);
        StringWriter csv = new StringWriter();
        CsvReport.write(audit(), csv);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CsvReport.HEADER));
        assertThat(lines).hasSize(5);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(AuditFixtures.SEED_BUNDLE + ",true,false,,,seeds/")
                .contains("\"Xi Jinping ratifie à Miguel Díaz-Canel l'amitié impérissable de la Chine\"".replace("\"", ""))
                .contains("Prensa Latina → Radio Habana Cuba,Prensa Latina,Radio Habana Cuba,1,UNSIGNED;MISSING_ASSET,https://"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("notes/untitled.txt")
                .contains(",2,UNSIGNED;UNATTRIBUTED;MISSING_ASSET,"));
        assertThat(CsvReport.quote("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(CsvReport.quote("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    @Test
    void anEmptyFolderIsNoAuditAndGetsNoCatalog() throws IOException {
        assertThatThrownBy(this::audit).isInstanceOfSatisfying(ProvkitException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNREADABLE)).hasMessageContaining("no bundle in " + archives);
        try (var listing = Files.list(archives)) {
            assertThat(listing).as("nothing written").isEmpty();
        }
    }

    @Test
    void aCollectionWhoseBundlesAllLeftGivesAnEmptyPassingAudit() throws IOException {
        AuditFixtures.writeCollection(archives);
        audit();
        try (var bundles = Files.list(archives)) {
            for (Path bundle : bundles.filter(p -> !p.getFileName().toString().startsWith("catalog.sqlite")).toList()) {
                org.provkit.bundle.AtomicFiles.deleteRecursively(bundle);
            }
        }
        AuditReport report = audit();
        assertThat(report.bundles()).isEmpty();
        assertThat(report.catalogUpdate().removed()).isEqualTo(4);
        assertThat(report.exitCode(true)).isEqualTo(ExitCode.OK);
        assertThat(HtmlReport.render(report)).contains("No document has an attribution chain yet");
        assertThat(report.generated()).isBefore(Instant.now().plusSeconds(1));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }
}
