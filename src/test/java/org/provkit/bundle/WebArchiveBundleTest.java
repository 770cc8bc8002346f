package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;

/**
 * Issue 16: a bundle of web archives stores each archive once as an original; its members' texts and records go
 * beside it, named by member; the PROV graph has the crawl and its members. The bag is valid for provkit and for
 * an independent validator.
 */
class WebArchiveBundleTest {

    @TempDir
    static Path tmp;
    static Path bag;
    static Path news;
    static CliRun run;

    @BeforeAll
    static void bundle() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("crawl"));
        news = WebArchiveFixtures.newsWarc(sources);
        WebArchiveFixtures.pagesWarc(sources);
        WebArchiveFixtures.imagesWarc(sources);
        Files.copy(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"), sources.resolve("seed.txt"));
        Path out = tmp.resolve("archives");
        run = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--format", "dir", "--name", "crawl",
                "--no-sign", "--no-progress");
        bag = out.resolve("crawl");
    }

    @Test
    void eachArchiveIsStoredOnceAndItsMembersRecordsAndTextsGoBesideIt() throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        List<String> originals = files(bag.resolve("data/originals"));
        assertThat(originals).containsExactlyInAnyOrder("crawl/news.warc.gz", "crawl/pages.warc.gz", "crawl/images.warc", "crawl/seed.txt");
        assertThat(Files.readAllBytes(bag.resolve("data/originals/crawl/news.warc.gz")))
                .isEqualTo(Files.readAllBytes(news));
        List<String> records = files(bag.resolve("data/records"));
        assertThat(records).contains("crawl/news.warc.gz.json", "crawl/seed.txt.json",
                "crawl/news.warc.gz/000002_www.radiohc.cu_fr_noticias_nacionales_1-xi.html.json",
                "crawl/pages.warc.gz/000001_news.example_a.html.json");
        assertThat(files(bag.resolve("data/text"))).contains("crawl/news.warc.gz/000002_www.radiohc.cu_fr_noticias_nacionales_1-xi.html.txt")
                .doesNotContain("crawl/news.warc.gz.txt");
        JsonNode container = Json.mapper().readTree(bag.resolve("data/records/crawl/news.warc.gz.json").toFile());
        assertThat(container.path("members")).extracting(m -> m.path("path").asText()).containsExactly(
                "crawl/news.warc.gz/000002_www.radiohc.cu_fr_noticias_nacionales_1-xi.html",
                "crawl/news.warc.gz/000003_www.efe.com_espana_2024-03-04_plan-vivienda.html",
                "crawl/news.warc.gz/000004_www.cubadebate.cu_noticias_2024_03_03_vietnam.html");
        JsonNode page = Json.mapper().readTree(bag.resolve("data/records/crawl/pages.warc.gz/000001_news.example_a.html.json").toFile());
        assertThat(CrawlGapsTest.gaps(page)).containsOnlyKeys("https://news.example/img/absent.jpg",
                "https://news.example/img/s-2x.jpg", "https://news.example/img/p.webp", "https://news.example/img/poster.jpg");
    }

    @Test
    void theBagIsValidForProvkitAndBagitJava() throws Exception {
        CliRun verify = CliRun.inProcess("verify", bag.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        Bag read = new BagReader().read(bag);
        new gov.loc.repository.bagit.verify.BagVerifier().isValid(read, false);
    }

    @Test
    void theProvGraphHasTheCrawlItsCrawlerAndItsMembers() throws IOException {
        JsonNode prov = Json.mapper().readTree(bag.resolve("data/provenance.json").toFile());
        List<JsonNode> members = new ArrayList<>();
        prov.path("hadMember").forEach(members::add);
        assertThat(members).filteredOn(m -> m.path("prov:collection").asText().equals("bundle:original.crawl_news.warc.gz"))
                .extracting(m -> m.path("prov:entity").asText()).containsExactly(
                        "bundle:original.crawl_news.warc.gz_000002_www.radiohc.cu_fr_noticias_nacionales_1-xi.html",
                        "bundle:original.crawl_news.warc.gz_000003_www.efe.com_espana_2024-03-04_plan-vivienda.html",
                        "bundle:original.crawl_news.warc.gz_000004_www.cubadebate.cu_noticias_2024_03_03_vietnam.html");
        JsonNode crawl = prov.path("activity").path("bundle:crawl.crawl_news.warc.gz");
        assertThat(crawl.path("prov:startTime").asText()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(crawl.path("prov:endTime").asText()).isEqualTo("2024-05-01T12:01:00Z");
        String generations = prov.path("wasGeneratedBy").toString();
        assertThat(generations).contains("\"prov:time\":\"2024-05-01T12:00:30Z\"");
        String agents = prov.path("agent").toString();
        assertThat(agents).contains("Heritrix/3.4.0-20220727", "Example National Library");
        assertThat(prov.path("entity").path("bundle:document.crawl_news.warc.gz_000003_www.efe.com_espana_2024-03-04_plan-vivienda.html")
                .path("prov:location").toString()).contains("https://www.efe.com/espana/2024-03-04/plan-vivienda");
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
