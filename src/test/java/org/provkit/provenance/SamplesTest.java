package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provkit.Json;

/** The shared samples and the seed against their known answers (expected.json). */
class SamplesTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> samples() throws Exception {
        JsonNode expected = Json.mapper().readTree(Files.readAllBytes(Docs.resource("expected.json")));
        List<Arguments> out = new ArrayList<>();
        expected.fields().forEachRemaining(e -> out.add(Arguments.of(e.getKey(), e.getValue())));
        return out.stream();
    }

    static SourceDocument load(String name) {
        Path file = Docs.resource(name);
        String path = "samples/" + name;
        return name.endsWith(".html") ? Docs.tika(dir, file, path, "samples/es_pl_cubadebate.txt") : Docs.textFile(file, path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesExpected(String name, JsonNode expected) {
        DocumentProvenance p = Docs.analyze(load(name));
        assertThat(p.language()).isEqualTo(expected.get("language").asText());
        List<String> chain = new ArrayList<>();
        expected.get("chain").forEach(c -> chain.add(c.asText()));
        assertThat(Docs.chain(p)).containsExactlyElementsOf(chain);
        assertThat(p.attribution().chain()).allSatisfy(h -> assertThat(h.evidence()).isNotEmpty());
        assertThat(p.attribution().chain().get(0).role()).isEqualTo(Hop.ORIGIN);
        assertThat(p.attribution().chain().get(chain.size() - 1).role()).isEqualTo(Hop.PUBLISHER);
        JsonNode url = expected.get("url");
        assertThat(p.canonicalUrl()).isEqualTo(url.isNull() ? null : url.asText());
        assertThat(p.missingAssets()).hasSize(expected.get("missing").asInt());
        String credit = expected.get("imageCredit").asText();
        assertThat(p.credits()).filteredOn(c -> c.asset().equals("image")).extracting(Credit::party).contains(credit);
        assertThat(p.missingAssets()).extracting(MissingAsset::credit).containsOnly(credit);
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void seedMatchesTheDesignExample() {
        DocumentProvenance p = Docs.analyze(load("000_6aef5a1f1f04ad71.txt"));
        assertThat(p.title()).isEqualTo("Xi Jinping ratifie à Miguel Díaz-Canel l'amitié impérissable de la Chine");
        Hop origin = p.attribution().chain().get(0);
        assertThat(origin.evidence()).extracting(Evidence::text, Evidence::line).contains(org.assertj.core.groups.Tuple.tuple("Source: Prensa Latina", 38));
        Hop publisher = p.attribution().chain().get(1);
        assertThat(publisher.evidence()).extracting(Evidence::text).contains("(RHC)", "www.radiohc.cu", "Radio Habana Cuba");
        assertThat(publisher.evidence()).filteredOn(e -> "(RHC)".equals(e.text())).extracting(Evidence::line).containsExactly(14);
        Credit credit = p.credits().get(0);
        assertThat(credit.evidence().text()).isEqualTo("Image: Prensa Latina");
        assertThat(credit.evidence().line()).isEqualTo(12);
        MissingAsset missing = p.missingAssets().get(0);
        assertThat(missing.kind()).isEqualTo("image");
        assertThat(missing.marker()).isEqualTo("Image not found or type unknown");
        assertThat(missing.line()).isEqualTo(8);
    }

    @Test
    void jsonFieldNamesAreTheInspectContract() {
        JsonNode json = Json.mapper().valueToTree(Docs.analyze(load("000_6aef5a1f1f04ad71.txt")));
        assertThat(json.has("language") && json.has("title") && json.has("urls") && json.has("attribution")
                && json.has("credits") && json.has("missingAssets") && json.has("warnings")).isTrue();
        assertThat(json.at("/urls/0/url").asText()).startsWith("https://www.radiohc.cu/");
        assertThat(json.at("/urls/0/role").asText()).isEqualTo("canonical");
        assertThat(json.at("/attribution/chain/0/party").asText()).isEqualTo("Prensa Latina");
        assertThat(json.at("/attribution/chain/0/role").asText()).isEqualTo("origin");
        assertThat(json.at("/attribution/chain/0/evidence/0/text").asText()).isEqualTo("Source: Prensa Latina");
        assertThat(json.at("/attribution/chain/0/evidence/0/line").asInt()).isEqualTo(38);
        assertThat(json.at("/credits/0/asset").asText()).isEqualTo("image");
        assertThat(json.at("/credits/0/party").asText()).isEqualTo("Prensa Latina");
        assertThat(json.at("/credits/0/evidence/line").asInt()).isEqualTo(12);
        assertThat(json.at("/missingAssets/0/kind").asText()).isEqualTo("image");
        assertThat(json.at("/missingAssets/0/marker").asText()).isEqualTo("Image not found or type unknown");
        assertThat(json.at("/missingAssets/0/line").asInt()).isEqualTo(8);
        assertThat(json.at("/missingAssets/0/credit").asText()).isEqualTo("Prensa Latina");
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    @Test
    void humanSummaryShowsTheChainWithEvidence() {
        List<String> lines = ProvenanceSummary.lines(Docs.analyze(load("000_6aef5a1f1f04ad71.txt")));
        assertThat(lines).contains("attribution: Prensa Latina → Radio Habana Cuba", "  Prensa Latina (origin)",
                "    line 38: Source: Prensa Latina", "    line 14: (RHC)", "    url host, line 42: www.radiohc.cu",
                "missing image at line 8: Image not found or type unknown  (credit: Prensa Latina)");
    }
}
