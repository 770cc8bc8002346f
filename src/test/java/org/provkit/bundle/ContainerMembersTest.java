package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 16: the members of a container are documents, each with its own record and chain; nothing of one member
 * reaches another's chain. Checked through {@code inspect --json} as a user runs it.
 */
class ContainerMembersTest {

    @TempDir
    static Path tmp;
    static Path zip;
    static Path warc;

    @BeforeAll
    static void containers() throws IOException {
        zip = WebArchiveFixtures.twoArticlesZip(tmp);
        warc = WebArchiveFixtures.newsWarc(tmp);
    }

    static List<JsonNode> inspect(Path... files) throws IOException {
        List<String> args = new ArrayList<>(List.of("inspect", "--json"));
        for (Path file : files) {
            args.add(file.toString());
        }
        CliRun run = CliRun.inProcess(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception");
        List<JsonNode> records = new ArrayList<>();
        Json.mapper().readTree(run.out()).path("documents").forEach(records::add);
        return records;
    }

    static List<String> chain(JsonNode record) {
        List<String> parties = new ArrayList<>();
        // A page's "(PL)" is written as the page writes it; the registry's name says which party that is.
        record.path("attribution").path("chain").forEach(hop -> parties.add(
                hop.hasNonNull("registryName") ? hop.path("registryName").asText() : hop.path("party").asText()));
        return parties;
    }

    @Test
    void aZipOfTwoArticlesGivesTheZipAndOneRecordPerArticleEachWithItsOwnChain() throws IOException {
        List<JsonNode> records = inspect(zip);
        assertThat(records).extracting(r -> r.path("path").asText()).containsExactly(zip.toString(),
                zip + "/articles/seed.txt", zip + "/articles/efe.txt");
        JsonNode container = records.get(0);
        assertThat(chain(container)).isEmpty();
        assertThat(container.path("contents").path("format").asText()).isEqualTo("zip");
        assertThat(container.path("members")).extracting(m -> m.path("entryName").asText())
                .containsExactly("articles/seed.txt", "articles/efe.txt");

        JsonNode seed = records.get(1);
        JsonNode efe = records.get(2);
        assertThat(seed.path("container").asText()).isEqualTo(zip.toString());
        assertThat(seed.path("member").path("kind").asText()).isEqualTo("entry");
        assertThat(seed.path("member").path("entryName").asText()).isEqualTo("articles/seed.txt");
        // Each member's chain is the one its document has on its own: nothing of the other reaches it.
        List<JsonNode> alone = inspect(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"));
        assertThat(chain(seed)).isEqualTo(chain(alone.get(0))).containsExactly("Prensa Latina", "Radio Habana Cuba");
        assertThat(chain(efe)).contains("EFE").doesNotContain("Prensa Latina", "Radio Habana Cuba");
        assertThat(seed.path("title").asText()).contains("Xi Jinping");
        assertThat(efe.path("language").asText()).isEqualTo("es");
    }

    @Test
    void aWarcOfCapturedPagesGivesOneRecordPerCaptureWithItsUrlTimeAndOwnChain() throws IOException {
        List<JsonNode> records = inspect(warc);
        assertThat(records).hasSize(4);
        JsonNode container = records.get(0);
        assertThat(container.path("contents").path("format").asText()).isEqualTo("warc");
        assertThat(container.path("contents").path("crawlers").get(0).path("software").asText()).isEqualTo("Heritrix/3.4.0-20220727");
        List<JsonNode> pages = records.subList(1, 4);
        List<String> urls = List.of("https://www.radiohc.cu/fr/noticias/nacionales/1-xi",
                "https://www.efe.com/espana/2024-03-04/plan-vivienda", "https://www.cubadebate.cu/noticias/2024/03/03/vietnam");
        Set<String> partiesSeen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            JsonNode page = pages.get(i);
            assertThat(page.path("container").asText()).isEqualTo(warc.toString());
            assertThat(page.path("member").path("kind").asText()).isEqualTo("warc-record");
            assertThat(page.path("member").path("recordId").asText()).startsWith("urn:uuid:");
            assertThat(page.path("member").path("offset").isNumber()).isTrue();
            assertThat(page.path("capture").path("url").asText()).isEqualTo(urls.get(i));
            assertThat(page.path("capture").path("date").asText()).isEqualTo(WebArchiveFixtures.T.plusSeconds(30L * i).toString());
            assertThat(page.path("capture").path("httpStatus").asInt()).isEqualTo(200);
            assertThat(page.path("capture").path("digests").asText()).isEqualTo("ok");
            assertThat(page.path("capture").path("crawler").path("operator").asText()).isEqualTo("Example National Library");
            assertThat(page.path("urls").get(0).path("role").asText()).isEqualTo("captured");
            assertThat(page.path("urls").get(0).path("url").asText()).isEqualTo(urls.get(i));
            List<String> chain = chain(page);
            assertThat(chain).as(urls.get(i)).isNotEmpty();
            for (String party : chain) {
                assertThat(partiesSeen.add(party)).as(party + " appears in the chains of two captures").isTrue();
            }
        }
        assertThat(chain(pages.get(0))).containsExactly("Prensa Latina", "Radio Habana Cuba");
        // EFE's own site: the agency is origin and publisher, one hop.
        assertThat(chain(pages.get(1))).containsExactly("EFE");
        assertThat(chain(pages.get(2)).get(0)).isEqualTo("Agencia Cubana de Noticias");
        // With no canonical URL, the captured URL's host names the publisher, as a canonical URL would.
        assertThat(pages.get(2).path("attribution").path("chain").get(1).path("evidence").toString()).contains("cubadebate.cu");
    }
}
