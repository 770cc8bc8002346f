package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 16: a captured page's images are looked up among the captures of the bundle (all its web archives): each
 * one not captured, or captured with an error, is a missing-asset note with its URL and why; each captured one
 * is not.
 */
class CrawlGapsTest {

    @TempDir
    static Path tmp;
    static Path pages;
    static Path images;

    @BeforeAll
    static void crawl() throws IOException {
        pages = WebArchiveFixtures.pagesWarc(tmp);
        images = WebArchiveFixtures.imagesWarc(tmp);
    }

    static Map<String, String> gaps(JsonNode record) {
        Map<String, String> gaps = new LinkedHashMap<>();
        for (JsonNode asset : record.path("missingAssets")) {
            if ("crawl".equals(asset.path("source").asText())) {
                gaps.put(asset.path("target").asText(), asset.path("reason").asText());
            }
        }
        return gaps;
    }

    @Test
    void exactlyTheImagesTheCrawlDoesNotHoldAreNotedWithWhy() throws IOException {
        List<JsonNode> records = ContainerMembersTest.inspect(pages, images);
        JsonNode a = records.stream().filter(r -> r.path("capture").path("url").asText().equals("https://news.example/a.html"))
                .findFirst().orElseThrow();
        assertThat(gaps(a)).containsExactly(
                Map.entry("https://news.example/img/absent.jpg", "not captured"),
                Map.entry("https://news.example/img/s-2x.jpg", "not captured"),
                Map.entry("https://news.example/img/p.webp", "not captured"),
                Map.entry("https://news.example/img/poster.jpg", "captured with HTTP 404"));
        JsonNode absent = a.path("missingAssets").get(0);
        assertThat(absent.path("kind").asText()).isEqualTo("image");
        assertThat(absent.path("marker").asText()).isEqualTo("/img/absent.jpg");
        assertThat(absent.path("location").asText()).isEqualTo("img src");
        assertThat(absent.path("line").asInt()).isEqualTo(6);
        JsonNode b = records.stream().filter(r -> r.path("capture").path("url").asText().equals("https://news.example/b.html"))
                .findFirst().orElseThrow();
        assertThat(gaps(b)).isEmpty();
        assertThat(records).filteredOn(r -> r.path("mediaType").asText().startsWith("image/"))
                .allSatisfy(image -> assertThat(image.path("missingAssets")).isEmpty());
    }

    @Test
    void withoutTheOtherFileOfTheCrawlItsImagesCountAsNotCaptured() throws IOException {
        JsonNode a = ContainerMembersTest.inspect(pages).stream()
                .filter(r -> r.path("capture").path("url").asText().equals("https://news.example/a.html")).findFirst().orElseThrow();
        assertThat(gaps(a)).containsKeys("https://news.example/img/s-1x.jpg", "https://cdn.example/og.jpg")
                .doesNotContainKey("https://news.example/img/present.jpg");
    }

    @Test
    void inspectPrintsEachGapWithItsUrlAndWhy() {
        org.provkit.CliRun run = org.provkit.CliRun.inProcess("inspect", pages.toString(), images.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("missing image: \"/img/poster.jpg\" line 9 (https://news.example/img/poster.jpg: captured with HTTP 404)");
    }
}
