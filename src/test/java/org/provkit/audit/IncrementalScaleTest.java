package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provkit.catalog.TestBundles.doc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.TestBundles;

/**
 * Issue 6: a collection of 1,000 bundles audits in under a minute the second time. The second audit
 * must open no bundle (the verifier is never called) and still produce the whole report.
 */
class IncrementalScaleTest {

    static final int BUNDLES = 1000;

    @TempDir
    Path archives;

    @Test
    void aThousandUnchangedBundlesAuditWellUnderAMinute() throws IOException {
        String text = AuditFixtures.resource("seed.txt");
        String[][] chains = {{"Prensa Latina", "Radio Habana Cuba"}, {"Prensa Latina", "Cubadebate"}, {"AFP", "Daily Courier"},
            {"EFE", "Granma"}};
        for (int i = 0; i < BUNDLES; i++) {
            String[] chain = chains[i % chains.length];
            TestBundles.writeTar(archives, String.format("bundle-%04d", i), List.of(doc("seeds/doc-" + i + ".txt",
                    "Article " + i, "fr", text + "\nnumber" + i + "\n",
                    List.<String[]>of(new String[] {chain[0], "origin", "true"}, new String[] {chain[1], "publisher", "true"}),
                    i % 3 == 0 ? List.of("Image not found or type unknown") : List.of())));
        }
        AtomicInteger verified = new AtomicInteger();
        AuditService service = new AuditService(path -> {
            verified.incrementAndGet();
            return TestBundles.manifestCheck(path);
        });
        AuditService.Options options = new AuditService.Options(archives, null, false, 2);

        long start = System.nanoTime();
        AuditReport first = service.run(options, CatalogUpdater.Progress.NONE);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(first.catalogUpdate().indexed()).isEqualTo(BUNDLES);

        start = System.nanoTime();
        AuditReport second = service.run(options, CatalogUpdater.Progress.NONE);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        JsonReport.write(second, sink);
        TextReport.write(second, new PrintStream(sink, true, StandardCharsets.UTF_8));
        String html = HtmlReport.render(second);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("audit of %d bundles: first %d ms, second (incremental, with JSON+text+HTML) %d ms%n", BUNDLES,
                firstMillis, secondMillis);
        assertThat(verified).hasValue(BUNDLES);
        assertThat(second.catalogUpdate().indexed()).isZero();
        assertThat(second.catalogUpdate().unchanged()).isEqualTo(BUNDLES);
        assertThat(second.documents()).hasSize(BUNDLES);
        assertThat(second.summary().missingAssets()).isEqualTo((BUNDLES + 2) / 3);
        assertThat(html).contains("data-from=\"Prensa Latina\" data-to=\"Radio Habana Cuba\" data-documents=\"250\"");
        assertThat(secondMillis).isLessThan(60_000);
    }
}
