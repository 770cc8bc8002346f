package org.provkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.provkit.verify.Finding;
import org.provkit.verify.Severity;
import org.provkit.verify.VerificationReport;

class FindingRulesTest {

    /** The record of the brief, as the bundle writer produces it. */
    static final String SEED_RECORD = """
            {"path":"seeds/000_6aef5a1f1f04ad71.txt","originalPath":"data/originals/seeds/000_6aef5a1f1f04ad71.txt",
             "textPath":"data/text/seeds/000_6aef5a1f1f04ad71.txt.txt","mediaType":"text/plain","bytes":3248,
             "sha256":"ab","sha512":"cd","language":"fr","title":"Xi Jinping ratifie …",
             "urls":[{"url":"https://www.radiohc.cu/x","role":"canonical","normalized":"https://radiohc.cu/x","domain":"radiohc.cu"}],
             "attribution":{"chain":[{"party":"Prensa Latina","role":"origin","evidence":[{"text":"Source: Prensa Latina","line":38}]},
                                     {"party":"Radio Habana Cuba","role":"publisher","evidence":[{"text":"(RHC)","line":14}]}]},
             "credits":[{"asset":"image","party":"Prensa Latina","evidence":{"text":"Image: Prensa Latina","line":12}}],
             "missingAssets":[{"kind":"image","marker":"Image not found or type unknown","line":8,"credit":"Prensa Latina"}],
             "warnings":[], "extraction":{"status":"ok","warnings":[]}, "metadata":{"Content-Type":["text/plain; charset=UTF-8"]}}
            """;

    static DocumentRecord parse(String json) throws IOException {
        return RecordParser.parse("data/records/x.json", json.getBytes(StandardCharsets.UTF_8));
    }

    static List<FindingCode> codes(List<CatalogFinding> findings) {
        return findings.stream().map(CatalogFinding::code).toList();
    }

    @Test
    void readsTheRecordOfTheContract() throws IOException {
        DocumentRecord record = parse(SEED_RECORD);
        assertThat(record.path()).isEqualTo("seeds/000_6aef5a1f1f04ad71.txt");
        assertThat(record.textPath()).isEqualTo("data/text/seeds/000_6aef5a1f1f04ad71.txt.txt");
        assertThat(record.bytes()).isEqualTo(3248L);
        assertThat(record.chain()).extracting(DocumentRecord.ChainHop::party).containsExactly("Prensa Latina", "Radio Habana Cuba");
        assertThat(record.chain().get(0).evidenceTexts()).containsExactly("Source: Prensa Latina");
        assertThat(record.chain().get(0).registered()).isNull();
        assertThat(record.credits()).singleElement().satisfies(c -> {
            assertThat(c.party()).isEqualTo("Prensa Latina");
            assertThat(c.line()).isEqualTo(12);
        });
        assertThat(record.missingAssets()).singleElement().extracting(DocumentRecord.MissingAsset::credit).isEqualTo("Prensa Latina");
        assertThat(record.urls()).singleElement().extracting(DocumentRecord.DocumentUrl::domain).isEqualTo("radiohc.cu");
        assertThat(record.extractionStatus()).isEqualTo("ok");
    }

    @Test
    void missingFieldsAndWrongTypesAreAbsentNotErrors() throws IOException {
        DocumentRecord record = parse("{\"title\": [1], \"bytes\": \"many\", \"urls\": [\"https://www.Example.org/a\"],"
                + " \"attribution\": {\"chain\": [{\"party\": \"A\", \"evidence\": {\"text\": \"by A\"}, \"known\": true}]}}");
        assertThat(record.path()).isEqualTo("x");
        assertThat(record.title()).isNull();
        assertThat(record.bytes()).isNull();
        assertThat(record.urls()).singleElement().extracting(DocumentRecord.DocumentUrl::domain).isEqualTo("example.org");
        assertThat(record.chain()).singleElement().satisfies(hop -> {
            assertThat(hop.registered()).isTrue();
            assertThat(hop.evidenceTexts()).containsExactly("by A");
            assertThat(hop.role()).isNull();
        });
    }

    @Test
    void aRegisteredChainWithAMissingAssetGivesOneMissingAssetFinding() throws IOException {
        String registered = SEED_RECORD.replace("\"role\":\"origin\",", "\"role\":\"origin\",\"registered\":true,")
                .replace("\"role\":\"publisher\",", "\"role\":\"publisher\",\"registered\":true,");
        List<CatalogFinding> findings = FindingRules.forDocument("b.tar", parse(registered));
        assertThat(codes(findings)).containsExactly(FindingCode.MISSING_ASSET);
        assertThat(findings.get(0).message()).isEqualTo("seeds/000_6aef5a1f1f04ad71.txt lost an image: \"Image not found"
                + " or type unknown\" at line 8, credited to Prensa Latina");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void withoutRegistryKnowledgeAPartyNeedsAUrlToBeResolved() throws IOException {
        List<CatalogFinding> findings = FindingRules.forDocument("b.tar", parse(SEED_RECORD));
        assertThat(findings).filteredOn(f -> f.code() == FindingCode.UNRESOLVED_SOURCE)
                .extracting(CatalogFinding::message).singleElement().asString()
                .contains("\"Prensa Latina\" as origin").contains("Source: Prensa Latina");
    }

    @Test
    void aPartyIsResolvedByTheRegistryByItsOwnUrlsOrByADocumentDomainOfItsName() {
        DocumentRecord.ChainHop registered = new DocumentRecord.ChainHop("X", "origin", true, List.of(), List.of(), "[]", "{}");
        DocumentRecord.ChainHop unknown = new DocumentRecord.ChainHop("Some Blog", "origin", false, List.of(), List.of(), "[]", "{}");
        DocumentRecord.ChainHop withUrl = new DocumentRecord.ChainHop("Some Blog", "origin", false, List.of("blog.example"), List.of(), "[]", "{}");
        DocumentRecord.ChainHop named = new DocumentRecord.ChainHop("Cubadebate", "publisher", null, List.of(), List.of(), "[]", "{}");
        assertThat(FindingRules.resolved(registered, java.util.Set.of())).isTrue();
        assertThat(FindingRules.resolved(unknown, java.util.Set.of("radiohc.cu"))).isFalse();
        assertThat(FindingRules.resolved(withUrl, java.util.Set.of())).isTrue();
        assertThat(FindingRules.resolved(named, java.util.Set.of("cubadebate.cu"))).isTrue();
        assertThat(FindingRules.resolved(named, java.util.Set.of("radiohc.cu"))).isFalse();
    }

    @Test
    void emptyChainsConflictingOriginsAndDeclaredConflictsAreFlagged() throws IOException {
        assertThat(codes(FindingRules.forDocument("b", parse("{\"path\":\"p\",\"attribution\":{\"chain\":[]}}"))))
                .containsExactly(FindingCode.UNATTRIBUTED);
        assertThat(codes(FindingRules.forDocument("b", parse("{\"path\":\"p\"}")))).containsExactly(FindingCode.UNATTRIBUTED);
        List<CatalogFinding> two = FindingRules.forDocument("b", parse("""
                {"path":"p","attribution":{"chain":[
                  {"party":"EFE","role":"origin","registered":true,"evidence":[{"text":"La Habana, 3 mar (EFE)","line":1}]},
                  {"party":"AFP","role":"origin","registered":true,"evidence":[{"text":"Fuente: AFP","line":9}]},
                  {"party":"Cubadebate","role":"publisher","registered":true}]}}"""));
        assertThat(codes(two)).containsExactly(FindingCode.CONFLICTING_ATTRIBUTION);
        assertThat(two.get(0).message()).isEqualTo("p claims 2 different origins: \"EFE\" (evidence: \"La Habana, 3 mar (EFE)\")"
                + " and \"AFP\" (evidence: \"Fuente: AFP\")");
        assertThat(codes(FindingRules.forDocument("b", parse("""
                {"path":"p","attribution":{"chain":[{"party":"EFE","role":"origin","registered":true}],
                 "conflicts":[{"code":"ORIGIN","message":"dateline says EFE, source line says AFP"}]}}"""))))
                .containsExactly(FindingCode.CONFLICTING_ATTRIBUTION);
    }

    @Test
    void bundleFindingsComeFromTheVerificationReport() {
        BundleContents empty = new BundleContents("n", null, null, false, List.of(), List.of());
        VerificationReport bad = new VerificationReport("t", false, true, true, "CN=Archivist", false, null, List.of(
                new Finding("E_CHECKSUM", Severity.ERROR, "data/a.txt", "sha256 differs"),
                new Finding("W_CASE_COLLISION", Severity.WARNING, "data/A.txt", "case")), 1, 1);
        List<CatalogFinding> findings = FindingRules.forBundle("n.tar", bad, true, empty);
        assertThat(codes(findings)).containsExactly(FindingCode.INTEGRITY, FindingCode.UNTRUSTED);
        assertThat(findings.get(0).message()).isEqualTo("n.tar is not valid: E_CHECKSUM data/a.txt (sha256 differs)");
        assertThat(findings.get(1).severity()).isEqualTo(Severity.ERROR);
        assertThat(codes(FindingRules.forBundle("n.tar", bad, false, empty))).containsExactly(FindingCode.INTEGRITY);
        VerificationReport unsigned = new VerificationReport("t", true, true, false, null, null, null, List.of(
                new Finding("W_UNSIGNED", Severity.WARNING, "signature/tagmanifest-sha512.txt.p7s", "missing")), 1, 1);
        assertThat(codes(FindingRules.forBundle("n.tar", unsigned, true, empty))).containsExactly(FindingCode.UNSIGNED);
    }

    /** A valid bundle's own warnings (a damaged header, data after the end) reach the audit, once per bundle. */
    @Test
    void warningsOfAValidBundleAreOneIntegrityWarning() {
        BundleContents empty = new BundleContents("n", null, null, false, List.of(), List.of());
        VerificationReport damaged = new VerificationReport("t", true, true, true, "CN=Archivist", null, null, List.of(
                new Finding("W_TAR_HEADER_CHECKSUM", Severity.WARNING, "data/a.txt", "header damaged"),
                new Finding("W_TRAILING_DATA", Severity.WARNING, "", "data after the end")), 1, 1);
        List<CatalogFinding> findings = FindingRules.forBundle("n.tar", damaged, false, empty);
        assertThat(codes(findings)).containsExactly(FindingCode.INTEGRITY_WARNING);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(findings.get(0).message()).isEqualTo("n.tar is valid, but: W_TAR_HEADER_CHECKSUM data/a.txt (header damaged);"
                + " W_TRAILING_DATA (data after the end)");
    }
}
