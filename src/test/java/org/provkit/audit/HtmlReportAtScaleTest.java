package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.TestBundles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTML report of a large collection (bundles of 100 documents, through the catalog as audit makes it),
 * opened in headless Chromium and used as a reader would: its size, the time until it is ready, and a filter, a
 * sort and a severity choice, each timed. The default suite uses 1,000 documents (above the size at which groups
 * open closed, so the same page a large archive gets); {@code -Dprovkit.html.documents=10000} is the issue's
 * check, about a minute on a quiet two-core machine. The figures are printed (and kept in
 * {@code target/html-report-at-scale.txt}, the page in {@code .html}); the bounds are loose enough for a busy two-core machine and tight
 * enough to catch a report that no longer scales. Without Chromium only the size is checked.
 */
class HtmlReportAtScaleTest {

    static final int PER_BUNDLE = 100;
    static final int DOCUMENTS = Integer.getInteger("provkit.html.documents", 1_000);
    static final int BUNDLES = Math.max(1, DOCUMENTS / PER_BUNDLE);
    /** Bytes of page per document (its row and its findings' rows), beyond a fixed part; about 790 are used. */
    static final long MAX_BYTES = 200_000 + 1_000L * BUNDLES * PER_BUNDLE;
    static final long MAX_READY_MILLIS = 15_000;
    static final long MAX_ACTION_MILLIS = 3_000;

    static final String[] ORIGINS = {"Prensa Latina", "AFP", "EFE", "Reuters", "Xinhua", "ANSA", "AP", "Europa Press"};
    static final String[] PUBLISHERS = {"Radio Habana Cuba", "Cubadebate", "Daily Courier", "Granma", "La Jornada", "Le Monde"};
    static final String[] LANGUAGES = {"fr", "es", "en", "pt", "zh"};

    @TempDir
    Path tmp;

    @Test
    void aLargeCollectionStaysUsableInChromium() throws Exception {
        Path archives = Files.createDirectories(tmp.resolve("archives"));
        int cubadebate = writeCollection(archives);
        AuditReport report = new AuditService(TestBundles::manifestCheck)
                .run(new AuditService.Options(archives, null, false, 2), CatalogUpdater.Progress.NONE);
        assertThat(report.documents()).hasSize(BUNDLES * PER_BUNDLE);
        Path html = tmp.resolve("report.html");
        long renderStart = System.nanoTime();
        HtmlReport.write(report, html);
        long renderMillis = (System.nanoTime() - renderStart) / 1_000_000;
        long bytes = Files.size(html);
        assertThat(bytes).as("report size").isLessThan(MAX_BYTES);

        assumeThat(HeadlessChromium.installed()).as("chromium is installed").isTrue();
        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createDirectories(tmp.resolve("profile")))) {
            long opened = System.nanoTime();
            chromium.open(html);
            long ready = chromium.await("document.documentElement.getAttribute('data-ready')", 120).asLong();
            long wall = (System.nanoTime() - opened) / 1_000_000;
            JsonNode timing = chromium.eval("(() => { const n = performance.getEntriesByType('navigation')[0];"
                    + " return {dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd)}; })()");
            long painted = chromium.eval("new Promise(r => requestAnimationFrame(() => setTimeout(() =>"
                    + " r(Math.round(performance.now())), 0)))").asLong();

            assertThat(chromium.eval("document.querySelectorAll('#documents tbody tr').length").asInt()).isEqualTo(BUNDLES * PER_BUNDLE);
            assertThat(chromium.eval("document.querySelector('#documents .tools').hidden").asBoolean())
                    .as("the page's script ran (the Content-Security-Policy let it)").isFalse();
            assertThat(chromium.eval("document.querySelectorAll('#documents details[open]').length").asInt())
                    .as("a large report opens with its groups closed").isZero();
            assertThat(chromium.eval("document.querySelectorAll('#documents a[href^=\"https://\"]').length").asInt())
                    .isEqualTo(BUNDLES * PER_BUNDLE);

            long filter = chromium.eval("new Promise(r => { const i = document.querySelector('#documents input');"
                    + " const t = performance.now(); i.value = 'cubadebate'; i.dispatchEvent(new Event('input'));"
                    + " setTimeout(() => r(Math.round(performance.now() - t - 150)), 160); })").asLong();
            assertThat(chromium.await("document.querySelector('#documents .count').textContent", 10).asText())
                    .isEqualTo(cubadebate + " of " + BUNDLES * PER_BUNDLE + " shown");
            assertThat(chromium.eval("document.querySelectorAll('#documents tbody tr:not([hidden])').length").asInt())
                    .isEqualTo(cubadebate);
            assertThat(chromium.eval("document.querySelectorAll('#documents details[open]').length").asInt())
                    .as("groups with a match open").isPositive();

            long sort = chromium.eval("(() => { const t = performance.now();"
                    + " document.querySelector('#documents details table thead th:nth-child(3)').click();"
                    + " return Math.round(performance.now() - t); })()").asLong();
            JsonNode dates = chromium.eval("Array.from(document.querySelectorAll('#documents details')[0]"
                    + ".querySelectorAll('tbody tr td:nth-child(3)')).map(c => c.textContent)");
            List<String> shown = new ArrayList<>();
            dates.forEach(d -> shown.add(d.asText()));
            assertThat(shown).hasSize(PER_BUNDLE).isSorted();

            long severity = chromium.eval("(() => { const s = document.querySelector('#findings select');"
                    + " const t = performance.now(); s.value = 'e'; s.dispatchEvent(new Event('change'));"
                    + " return Math.round(performance.now() - t); })()").asLong();
            assertThat(chromium.eval("Array.from(document.querySelectorAll('#findings tbody tr:not([hidden])'))"
                    + ".every(r => r.dataset.s === 'e')").asBoolean()).isTrue();
            assertThat(chromium.consoleErrors()).as("console errors and blocked loads").isEmpty();

            String figures = String.format(Locale.ROOT, "HTML report of %,d documents in %d bundles: %,d bytes (%.1f MB), rendered in %d ms;"
                    + " Chromium %s: ready %d ms after navigation (DOMContentLoaded %d ms, load %d ms, first frame after"
                    + " the script %d ms, wall %d ms); filter of %,d rows %d ms, sort of %d rows %d ms, severity choice %d ms%n",
                    report.documents().size(), BUNDLES, bytes, bytes / 1e6, renderMillis, "headless", ready,
                    timing.path("dcl").asLong(), timing.path("load").asLong(), painted, wall, BUNDLES * PER_BUNDLE, filter, PER_BUNDLE, sort, severity);
            System.out.print(figures);
            Files.writeString(Path.of("target", "html-report-at-scale.txt"), figures);
            Files.copy(html, Path.of("target", "html-report-at-scale.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThat(ready).as("ready after navigation, ms").isLessThan(MAX_READY_MILLIS);
            assertThat(List.of(filter, sort, severity)).as("filter, sort, severity, ms").allMatch(ms -> ms < MAX_ACTION_MILLIS);
        }
    }

    /** 100 bundles of 100 articles each; returns how many name Cubadebate (as publisher). */
    private static int writeCollection(Path archives) throws IOException {
        int cubadebate = 0;
        int n = 0;
        for (int b = 0; b < BUNDLES; b++) {
            List<TestBundles.Doc> docs = new ArrayList<>();
            for (int d = 0; d < PER_BUNDLE; d++, n++) {
                String origin = ORIGINS[n % ORIGINS.length];
                String publisher = PUBLISHERS[n % PUBLISHERS.length];
                List<String[]> chain = n % 13 == 0 ? List.of()
                        : n % 7 == 0 ? List.<String[]>of(new String[] {origin, "origin", "true"})
                        : List.of(new String[] {origin, "origin", "true"}, new String[] {publisher, "publisher", "true"});
                if (chain.size() == 2 && publisher.equals("Cubadebate")) {
                    cubadebate++;
                }
                String path = String.format(Locale.ROOT, "articles/%05d_%s.html", n, LANGUAGES[n % LANGUAGES.length]);
                TestBundles.Doc doc = TestBundles.doc(path, "Inauguran nueva sala de lectura número " + n
                        + " en la biblioteca provincial de Santiago de Cuba, con fondos donados", LANGUAGES[n % LANGUAGES.length],
                        "Texto del artículo " + n + ".\n", chain, n % 3 == 0 ? List.of("Image not found or type unknown") : List.of());
                ObjectNode record = doc.record();
                ((ObjectNode) record.get("urls").get(0)).put("url", "https://www.example-news-site.cu/index.php/es/noticias/"
                        + "nacionales/" + (300000 + n) + "-inauguran-nueva-sala-de-lectura-en-la-biblioteca-provincial");
                record.putObject("metadata").putArray("article:published_time")
                        .add(String.format(Locale.ROOT, "2026-%02d-%02dT08:00:00Z", 1 + (n * 7) % 12, 1 + (n * 11) % 28));
                if (n % 5 == 0) {
                    record.withArray("warnings").add("no source named: the attribution chain is a guess from the page");
                }
                if (n % 11 == 0) {
                    record.withArray("warnings").add("language detection uncertain (0.62)");
                }
                docs.add(doc);
            }
            TestBundles.writeTar(archives, String.format(Locale.ROOT, "news-2026%02d-%06x", 1 + b % 12, b), docs);
        }
        return cubadebate;
    }
}
