package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large, hostile or odd input: bounded time, no exception, same answer from many threads. */
class RobustnessTest {

    @TempDir
    Path dir;

    @Test
    void largeProseIsAnalysedInBoundedTime() throws Exception {
        Path f = dir.resolve("prose.txt");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("Madrid, 30 ago (EFE).- Comienzo del texto.\n");
            for (int i = 0; i < 60_000; i++) {
                w.write("El gobierno (" + i + ") presentó ayer, según fuentes oficiales citadas por la prensa, un plan; "
                        + "Prensa Latina y Reuters estuvieron en la sala, dijo a EFE un portavoz de Radio Habana Cuba.\n");
            }
            w.write("Fuente: Prensa Latina\n");
        }
        long start = System.nanoTime();
        DocumentProvenance p = Docs.analyze(new SourceDocument("x/prose.txt", f, "text/plain", f, Map.of(), Set.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("12 MB of prose analysed in " + millis + " ms");
        assertThat(millis).isLessThan(30_000);
        assertThat(Docs.chain(p)).containsExactly("EFE", "Prensa Latina");
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("large text"));
    }

    @Property(tries = 300)
    void anyTextGivesAResultWithoutException(@ForAll @StringLength(max = 400) String content) throws Exception {
        Path f = Files.createTempFile("any", ".txt");
        try {
            Files.writeString(f, content, StandardCharsets.UTF_8);
            DocumentProvenance p = Docs.ANALYZER.analyze(new SourceDocument("x/any.txt", f, "text/plain", f, Map.of(), Set.of()));
            assertThat(p.warnings()).noneMatch(w -> w.startsWith("provenance analysis failed"));
            for (Hop h : p.attribution().chain()) {
                assertThat(h.evidence()).isNotEmpty();
            }
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 200)
    void anyHtmlGivesAResultWithoutException(@ForAll @StringLength(max = 300) String body) throws Exception {
        Path f = Files.createTempFile("any", ".html");
        try {
            Files.writeString(f, "<html><head><link rel=canonical href=\"" + body + "\"><script type=\"application/ld+json\">"
                    + body + "</script></head><body><img srcset=\"" + body + "\"><p>" + body + "</p></body></html>");
            DocumentProvenance p = Docs.ANALYZER.analyze(new SourceDocument("x/any.html", f, "text/html", f, Map.of(), Set.of("x/any.html")));
            assertThat(p.warnings()).noneMatch(w -> w.startsWith("provenance analysis failed"));
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void missingFilesBecomeWarnings() {
        Path nowhere = dir.resolve("nowhere.html");
        DocumentProvenance p = Docs.analyze(new SourceDocument("x/nowhere.html", nowhere, "text/html", nowhere, null, null));
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("extracted text not readable"));
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("HTML markup not readable"));
        assertThat(p.attribution().chain()).isEmpty();
    }

    @Test
    void oneAnalyzerServesManyThreads() throws Exception {
        List<String> docs = List.of(
                "BEIJING, 3 mar (Xinhua) -- Texto de la noticia sobre el plan.\n\nTomado de Prensa Latina\n\nhttps://www.cubadebate.cu/n/1/\n",
                "PARIS, 3 mars (AFP) - Le gouvernement a parlé hier du plan.\n\nhttps://www.lemonde.fr/article/1\n",
                "Lisboa, 3 mar (Lusa) - O governo falou ontem do plano.\n\nFonte: Agência Brasil\n");
        List<SourceDocument> sources = IntStream.range(0, docs.size())
                .mapToObj(i -> Docs.text(dir, "t/" + i + ".txt", docs.get(i))).toList();
        List<DocumentProvenance> sequential = sources.stream().map(Docs::analyze).toList();
        List<DocumentProvenance> parallel = IntStream.range(0, 60).parallel()
                .mapToObj(i -> Docs.analyze(sources.get(i % sources.size()))).toList();
        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i)).isEqualTo(sequential.get(i % sources.size()));
        }
    }
}
