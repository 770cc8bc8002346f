package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's PROV-JSON read back by two independent implementations: ProvToolbox and python prov. */
class ProvJsonInteropTest {

    static final BundleActivity ACTIVITY = new BundleActivity("seeds-20261128-3f9a2c",
            Instant.parse("2026-11-28T04:00:00Z"), Instant.parse("2026-11-28T04:00:05Z"), "provkit 0.1.0",
            "Ana Archivist", "Example Archive");
    static Path provJson;
    static byte[] bytes;

    @BeforeAll
    static void write(@TempDir Path dir) throws IOException {
        List<ProvDocumentEntry> docs = new ArrayList<>();
        docs.add(entry(Docs.textFile(Docs.resource("000_6aef5a1f1f04ad71.txt"), "seeds/000_6aef5a1f1f04ad71.txt")));
        docs.add(entry(Docs.textFile(Docs.resource("es_pl_cubadebate.txt"), "seeds/es_pl_cubadebate.txt")));
        docs.add(entry(Docs.html(dir, "seeds/three_hops.html", """
                <html><head><title>Nota</title><meta property="og:site_name" content="Cubadebate"></head><body>
                <p>BEIJING, 3 mar (Xinhua) -- China anunció hoy un nuevo plan.</p>
                <p>Tomado de Prensa Latina</p></body></html>""")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProvJsonWriter.write(ACTIVITY, docs, out);
        bytes = out.toByteArray();
        provJson = dir.resolve("provenance.json");
        Files.write(provJson, bytes);
    }

    static ProvDocumentEntry entry(SourceDocument d) {
        String p = d.path();
        return new ProvDocumentEntry(p, "data/originals/" + p, "data/text/" + p + ".txt", "data/records/" + p + ".json",
                "0".repeat(64), d.mediaType(), Docs.analyze(d));
    }

    @Test
    void theStreamedGraphEqualsTheGraphBuiltInMemory() throws IOException {
        List<ProvDocumentEntry> docs = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // more than one spill of 256 documents
            docs.add(entry(Docs.textFile(Docs.resource(i % 2 == 0 ? "000_6aef5a1f1f04ad71.txt" : "es_pl_cubadebate.txt"),
                    "seeds/doc-" + i + ".txt")));
        }
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        ProvJsonWriter.write(ACTIVITY, docs, streamed);
        assertThat(org.provkit.Json.mapper().readTree(streamed.toByteArray())).isEqualTo(ProvJsonWriter.build(ACTIVITY, docs));
    }

    @Test
    void aDocumentEntryReadsBackFromJsonAsItWas() throws IOException {
        ProvDocumentEntry entry = entry(Docs.textFile(Docs.resource("000_6aef5a1f1f04ad71.txt"), "seeds/000_6aef5a1f1f04ad71.txt"));
        byte[] json = org.provkit.Json.mapper().writeValueAsBytes(entry);
        assertThat(org.provkit.Json.mapper().readValue(json, ProvDocumentEntry.class)).isEqualTo(entry);
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        List<ProvDocumentEntry> docs = new ArrayList<>();
        docs.add(entry(Docs.textFile(Docs.resource("000_6aef5a1f1f04ad71.txt"), "seeds/000_6aef5a1f1f04ad71.txt")));
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ProvJsonWriter.write(ACTIVITY, docs, a);
        ProvJsonWriter.write(ACTIVITY, List.copyOf(docs), b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("provkit:MissingAsset", "prov:PrimarySource");
    }

    @Test
    void provToolboxReadsTheDerivationsAndAttributions() throws Exception {
        String output = runProvToolbox(provJson);
        assertThat(output).contains("agent prensa-latina label=Prensa Latina", "agent radio-habana-cuba label=Radio Habana Cuba",
                "agent cubadebate label=Cubadebate", "agent xinhua label=Xinhua", "agent software label=provkit 0.1.0");
        assertThat(output).contains("wasAttributedTo document.seeds_000_6aef5a1f1f04ad71.txt radio-habana-cuba",
                "wasAttributedTo version.seeds_000_6aef5a1f1f04ad71.txt.0 prensa-latina",
                "wasDerivedFrom document.seeds_000_6aef5a1f1f04ad71.txt version.seeds_000_6aef5a1f1f04ad71.txt.0 type=PrimarySource",
                "wasDerivedFrom original.seeds_000_6aef5a1f1f04ad71.txt document.seeds_000_6aef5a1f1f04ad71.txt type=Capture");
        // Three hops: Xinhua -> Prensa Latina -> Cubadebate.
        assertThat(output).contains("wasAttributedTo version.seeds_three_hops.html.0 xinhua",
                "wasAttributedTo version.seeds_three_hops.html.1 prensa-latina",
                "wasAttributedTo document.seeds_three_hops.html cubadebate",
                "wasDerivedFrom version.seeds_three_hops.html.1 version.seeds_three_hops.html.0",
                "wasDerivedFrom document.seeds_three_hops.html version.seeds_three_hops.html.1",
                "wasDerivedFrom document.seeds_three_hops.html version.seeds_three_hops.html.0 type=PrimarySource");
        assertThat(output).contains("entity missing.seeds_000_6aef5a1f1f04ad71.txt.1 type=provkit:MissingAsset");
        assertThat(output.lines().filter(l -> l.endsWith("type=provkit:MissingAsset"))).hasSize(2);
    }

    /**
     * ProvToolbox in its own JVM: it needs the Jackson 2.17 it was built with (copied to
     * target/provtoolbox-jackson by the build), while provkit's classpath has 2.20.
     */
    static String runProvToolbox(Path file) throws Exception {
        Path jackson = Path.of("target", "provtoolbox-jackson");
        assumeTrue(Files.isDirectory(jackson), "target/provtoolbox-jackson missing (run through Maven)");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String e : classpath.split(java.io.File.pathSeparator)) {
            if (!e.replace('\\', '/').contains("/com/fasterxml/jackson/")) {
                entries.add(e);
            }
        }
        try (var jars = Files.list(jackson)) {
            jars.sorted().forEach(j -> entries.add(j.toAbsolutePath().toString()));
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", String.join(java.io.File.pathSeparator, entries),
                ProvToolboxCheck.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void pythonProvReadsTheDerivationsAndAttributions() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        Process check = new ProcessBuilder(python.toString(), "-c", "import prov.model").redirectErrorStream(true).start();
        assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0, "python3-prov not installed");
        String script = """
                import sys
                from prov.model import ProvDocument, ProvDerivation, ProvAttribution, ProvAgent, ProvEntity
                d = ProvDocument.deserialize(sys.argv[1], format='json')
                recs = list(d.get_records())
                labels = {str(l) for r in recs if isinstance(r, ProvAgent) for l in r.get_attribute('prov:label')}
                attributed = sorted({str(r.formal_attributes[1][1]) for r in recs if isinstance(r, ProvAttribution)})
                derived = [r for r in recs if isinstance(r, ProvDerivation)]
                primary = [r for r in derived if 'prov:PrimarySource' in {str(t) for t in r.get_attribute('prov:type')}]
                missing = [r for r in recs if isinstance(r, ProvEntity)
                           and 'provkit:MissingAsset' in {str(t) for t in r.get_attribute('prov:type')}]
                print('labels=' + '|'.join(sorted(labels)))
                print('attributed=' + '|'.join(attributed))
                print('derivations=%d primary=%d missing=%d' % (len(derived), len(primary), len(missing)))
                """;
        Process p = new ProcessBuilder(python.toString(), "-c", script, provJson.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Prensa Latina", "Radio Habana Cuba", "Xinhua", "Cubadebate");
        assertThat(output).contains("party:prensa-latina", "party:radio-habana-cuba", "party:xinhua");
        assertThat(output).contains("missing=2");
        assertThat(output).containsPattern("primary=[1-9]");
    }
}
