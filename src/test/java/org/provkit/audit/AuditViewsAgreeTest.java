package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;

/**
 * Bundled for real, then audited: inspect, the text report, {@code --json}, {@code --csv} and {@code --html} name
 * the same origin and publisher for each document. A one-hop chain (a dateline's agency, no site) names no
 * publisher anywhere (the CSV once put the origin in its publisher column), a page read from its site name has
 * both, and a note without any source has neither. The HTML also links each canonical URL and shows the date.
 */
class AuditViewsAgreeTest {

    static final String ONE_HOP = "sources/dateline.txt";
    static final String TWO_HOPS = "sources/page.html";
    static final String NO_CHAIN = "sources/note.txt";
    static final String CANONICAL = "https://www.cubadebate.cu/noticias/2026/12/03/nueva-sala-de-lectura/";

    @TempDir
    static Path work;
    static Path archives;
    static CliRun text;
    static JsonNode json;
    static Map<String, Map<String, String>> csv;
    static String html;

    @BeforeAll
    static void bundleAndAudit() throws IOException {
        Path sources = Files.createDirectories(work.resolve("sources"));
        Files.writeString(sources.resolve("dateline.txt"), """
                Nueva sala de lectura en Santiago de Cuba

                SANTIAGO DE CUBA, 3 dic (Prensa Latina) La biblioteca provincial abrió hoy una nueva sala de lectura.
                """);
        Files.writeString(sources.resolve("page.html"), """
                <!DOCTYPE html>
                <html lang="es"><head><meta charset="utf-8">
                <title>Abren nueva sala de lectura en Santiago de Cuba</title>
                <meta property="og:site_name" content="Cubadebate">
                <meta property="article:published_time" content="2026-12-03T08:15:00-05:00">
                <link rel="canonical" href="%s">
                </head><body><article><h1>Abren nueva sala de lectura</h1>
                <p>SANTIAGO DE CUBA, 3 dic (Prensa Latina) La biblioteca provincial abrió hoy una nueva sala de lectura
                con fondos donados por lectores de toda la provincia.</p></article></body></html>
                """.formatted(CANONICAL));
        Files.writeString(sources.resolve("note.txt"), "Lista de compras para la biblioteca: papel, tinta, cola.\n");
        archives = work.resolve("archives");
        CliRun bundle = CliRun.inProcess("bundle", sources.toString(), "-o", archives.toString(), "--no-sign", "--name", "views",
                "-q");
        assertThat(bundle.exitCode()).as(bundle.err()).isZero();

        text = CliRun.inProcess("audit", archives.toString());
        CliRun jsonRun = CliRun.inProcess("audit", archives.toString(), "--json", "-q",
                "--csv", work.resolve("audit.csv").toString(), "--html", work.resolve("audit.html").toString());
        assertThat(jsonRun.exitCode()).as(jsonRun.err()).isIn(0, 1);
        json = Json.mapper().readTree(jsonRun.out());
        csv = csvRows(Files.readString(work.resolve("audit.csv")));
        html = Files.readString(work.resolve("audit.html"));
    }

    /** The CSV's rows by document, each a map from column name to cell, read by Commons CSV. */
    private static Map<String, Map<String, String>> csvRows(String content) throws IOException {
        Map<String, Map<String, String>> rows = new HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(content, format)) {
            assertThat(parser.getHeaderNames()).isEqualTo(CsvReport.HEADER);
            for (CSVRecord row : parser) {
                assertThat(row.isConsistent()).as(row.toString()).isTrue();
                rows.put(row.get("document"), row.toMap());
            }
        }
        return rows;
    }

    private static JsonNode document(String path) {
        for (JsonNode document : json.get("documents")) {
            if (document.get("path").asText().equals(path)) {
                return document;
            }
        }
        throw new AssertionError("no document " + path + " in " + json.get("documents"));
    }

    /** The HTML row of a document: from its path cell to the end of its row. */
    private static String htmlRow(String path) {
        int start = html.indexOf("<td class=\"path\">" + path + "</td>");
        assertThat(start).as("row of " + path).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void aOneHopChainNamesItsOriginAndNoPublisherInEveryView() throws IOException {
        CliRun inspect = CliRun.inProcess("inspect", archives.resolve("views.tar").toString());
        assertThat(inspect.out()).contains("Prensa Latina (origin)").contains("publisher of this copy unknown");

        assertThat(document(ONE_HOP).get("origin").asText()).isEqualTo("Prensa Latina");
        assertThat(document(ONE_HOP).get("publisher").isNull()).isTrue();
        assertThat(csv.get(ONE_HOP)).containsEntry("origin", "Prensa Latina").containsEntry("publisher", "")
                .containsEntry("chain", "Prensa Latina");
        assertThat(text.out()).contains("Prensa Latina  (publisher unknown)");
        assertThat(htmlRow(ONE_HOP)).contains("<b class=\"o\" title=\"origin\">Prensa Latina</b>").contains("publisher unknown")
                .doesNotContain("class=\"p\"");
        assertThat(document(ONE_HOP).get("warnings").toString()).contains("publisher of this copy unknown");
        assertThat(html).contains("<section id=\"warnings\">").contains("publisher of this copy unknown");
    }

    @Test
    void aPageWithItsSiteNameHasBothAndItsCanonicalUrlAndDateInEveryView() {
        assertThat(document(TWO_HOPS).get("origin").asText()).isEqualTo("Prensa Latina");
        assertThat(document(TWO_HOPS).get("publisher").asText()).isEqualTo("Cubadebate");
        assertThat(csv.get(TWO_HOPS)).containsEntry("origin", "Prensa Latina").containsEntry("publisher", "Cubadebate")
                .containsEntry("canonical_url", CANONICAL).containsEntry("date", "2026-12-03");
        assertThat(text.out()).contains("Prensa Latina → Cubadebate\n").doesNotContain("Cubadebate  (");
        assertThat(document(TWO_HOPS).get("canonicalUrl").asText()).isEqualTo(CANONICAL);
        assertThat(document(TWO_HOPS).get("date").asText()).isEqualTo("2026-12-03");
        assertThat(htmlRow(TWO_HOPS)).contains("<a href=\"" + CANONICAL + "\"").contains("<td class=\"date\">2026-12-03</td>")
                .contains("class=\"o\" title=\"origin\">Prensa Latina</b>").contains("class=\"p\" title=\"publisher\">Cubadebate</b>")
                .doesNotContain("publisher unknown");
    }

    @Test
    void aNoteWithoutASourceHasNeitherAndThePartyTotalsCountTheSameWay() {
        assertThat(document(NO_CHAIN).get("origin").isNull()).isTrue();
        assertThat(document(NO_CHAIN).get("publisher").isNull()).isTrue();
        assertThat(csv.get(NO_CHAIN)).containsEntry("origin", "").containsEntry("publisher", "").containsEntry("chain", "");
        assertThat(htmlRow(NO_CHAIN)).contains("no chain");

        Map<String, JsonNode> parties = new HashMap<>();
        json.get("parties").forEach(p -> parties.put(p.get("name").asText(), p));
        assertThat(parties.get("Prensa Latina").get("originated").asInt()).isEqualTo(2);
        assertThat(parties.get("Prensa Latina").get("published").asInt()).isZero();
        assertThat(parties.get("Cubadebate").get("published").asInt()).isEqualTo(1);
    }

    @Test
    void aDashSendsTheCsvOrTheHtmlToStandardOutputAndOnlyOneOutputMayTakeIt() throws IOException {
        CliRun csvOut = CliRun.inProcess("audit", archives.toString(), "--csv", "-");
        assertThat(csvOut.exitCode()).as(csvOut.err()).isIn(0, 1);
        assertThat(csvRows(csvOut.out())).isEqualTo(csv);
        assertThat(csvOut.err()).doesNotContain("wrote");

        CliRun htmlOut = CliRun.inProcess("audit", archives.toString(), "--html", "-", "-q");
        assertThat(htmlOut.out()).startsWith("<!DOCTYPE html>").endsWith("</html>\n").contains(htmlRow(TWO_HOPS));

        CliRun both = CliRun.inProcess("audit", archives.toString(), "--json", "--html", "-");
        assertThat(both.exitCode()).isEqualTo(org.provkit.ExitCode.USAGE);
        assertThat(both.errIsOnePlainLine()).as(both.err()).isTrue();
        assertThat(both.err()).contains("only one of --json, --csv - and --html - can use standard output");
    }
}
