package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.container.TestWarcs;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code search --url} and {@code --captured}: the captures of a web archive found by where and when they were captured. */
class CaptureSearchTest {

    @TempDir
    static Path tmp;
    static Path archives;

    static final Instant MAY = Instant.parse("2024-05-01T23:59:30Z");
    static final Instant JUNE = Instant.parse("2024-06-15T08:00:00Z");

    @BeforeAll
    static void bundleAndIndex() throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        TestWarcs.create().warcinfo("Heritrix/3.4.0", "Example National Library")
                .page("https://www.granma.cu/mundo/2024-05-01/cosecha", MAY, WebArchiveFixtures.page("Cosecha",
                        "La Habana, 1 may (PL) La cosecha de café en Cuba supera lo previsto."))
                .page("https://www.cubadebate.cu/noticias/2024/05/01/puerto", MAY.plusSeconds(60), WebArchiveFixtures.page("Puerto",
                        "La Habana, 1 may (ACN) Un nuevo muelle abre en el puerto de Mariel, Cuba."))
                .page("https://www.granma.cu/cultura/2024-06-15/festival", JUNE, WebArchiveFixtures.page("Festival",
                        "Santiago de Cuba, 15 jun (PL) Abre el festival del Caribe."))
                .write(sources.resolve("crawl.warc.gz"));
        Files.writeString(sources.resolve("notes.txt"), "Notas sobre Cuba, sin captura.\n");
        archives = tmp.resolve("archives");
        CliRun bundle = CliRun.inProcess("bundle", sources.toString(), "-o", archives.toString(), "--name", "crawl",
                "--no-sign", "--no-progress");
        assertThat(bundle.exitCode()).as(bundle.err()).isZero();
        CliRun audit = CliRun.inProcess("audit", archives.toString());
        assertThat(audit.exitCode()).as(audit.err()).isIn(0, 1);
    }

    static List<String> found(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("search", "--archives", archives.toString(), "--json"));
        args.addAll(List.of(options));
        args.add("Cuba");
        CliRun run = CliRun.inProcess(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> documents = new ArrayList<>();
        for (JsonNode hit : Json.mapper().readTree(run.out()).path("results")) {
            String document = hit.path("document").asText();
            documents.add(document.substring(document.lastIndexOf('/') + 1));
        }
        return documents;
    }

    @Test
    void withoutAFilterEveryDocumentWithTheWordIsFound() throws IOException {
        assertThat(found()).hasSize(4).anyMatch(d -> d.equals("notes.txt"));
    }

    @Test
    void urlNarrowsToCapturesFromADomainAHostOrAnAddressPrefix() throws IOException {
        assertThat(found("--url", "granma.cu")).containsExactlyInAnyOrder("000002_www.granma.cu_mundo_2024-05-01_cosecha.html",
                "000004_www.granma.cu_cultura_2024-06-15_festival.html");
        assertThat(found("--url", "https://www.granma.cu/mundo/")).containsExactly("000002_www.granma.cu_mundo_2024-05-01_cosecha.html");
        assertThat(found("--url", "www.cubadebate.cu/noticias/")).containsExactly("000003_www.cubadebate.cu_noticias_2024_05_01_puerto.html");
        assertThat(found("--url", "http://www.granma.cu/")).as("another scheme is another address").isEmpty();
        assertThat(found("--url", "www.granma.cu/mundo_")).as("_ is no wildcard").isEmpty();
    }

    @Test
    void capturedNarrowsToCapturesMadeOnTheDaysGivenInUtc() throws IOException {
        assertThat(found("--captured", "2024-06")).containsExactly("000004_www.granma.cu_cultura_2024-06-15_festival.html");
        // the port was captured a minute after the harvest story, and a minute after midnight UTC
        assertThat(found("--captured", "2024-05-01")).containsExactly("000002_www.granma.cu_mundo_2024-05-01_cosecha.html");
        assertThat(found("--captured", "2024-05-02..")).containsExactlyInAnyOrder("000003_www.cubadebate.cu_noticias_2024_05_01_puerto.html",
                "000004_www.granma.cu_cultura_2024-06-15_festival.html");
        assertThat(found("--captured", "..2024-05")).hasSize(2).noneMatch(d -> d.contains("festival"));
        assertThat(found("--captured", "2024")).hasSize(3).doesNotContain("notes.txt");
        assertThat(found("--captured", "2023")).isEmpty();
        assertThat(found("--url", "granma.cu", "--captured", "2024-05")).containsExactly("000002_www.granma.cu_mundo_2024-05-01_cosecha.html");
    }

    @Test
    void aMalformedSpanIsAUsageErrorThatSaysWhatIsWanted() {
        for (String span : List.of("2024-13", "May 2024", "..", "2024-06..2024-05")) {
            CliRun run = CliRun.inProcess("search", "--archives", archives.toString(), "--captured", span, "Cuba");
            assertThat(run.exitCode()).as(span).isEqualTo(2);
            assertThat(run.err()).as(span).contains("--captured").doesNotContain("Exception");
        }
    }
}
