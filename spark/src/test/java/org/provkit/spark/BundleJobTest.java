package org.provkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.Json;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.VerificationReport;
import org.provkit.verify.VerifyOptions;

/**
 * The bundle job in local mode, end to end: shards, signatures, the index, the collection manifest, a
 * re-run, a damaged bundle, and equality with provkit bundle. The tests run in order on one output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleJobTest {

    static final String EPOCH = "1767225600";

    @TempDir
    static Path tmp;
    static Path corpus;
    static TestKeys keys;
    static Path out;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = Corpus.write(tmp.resolve("in"));
        keys = TestKeys.institution(Files.createDirectories(tmp.resolve("keys")), true);
        out = tmp.resolve("out");
    }

    static TestSpark.Run bundle(Path output, String... extra) {
        List<String> args = new ArrayList<>(List.of("bundle", "--input", corpus.toString(), "--output", output.toString(),
                "--collection", "col", "--shard-size", "6", "--key", keys.key().toString(), "--cert", keys.cert().toString(),
                "--source-date-epoch", EPOCH, "--organization", "Example Archive", "--archivist", "Test Archivist"));
        args.addAll(Arrays.asList(extra));
        return TestSpark.run(args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void oneSignedBundlePerShardHoldingEverySourceByte() throws Exception {
        TestSpark.Run run = bundle(out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 bundles (4 built, 0 kept, 0 rebuilt), 17 documents");
        List<Path> tars = Bundles.tars(out.resolve("bundles"));
        assertThat(tars).extracting(p -> p.getFileName().toString())
                .containsExactly("col-00001.tar", "col-00002.tar", "col-00003.tar", "col-00004.tar");
        assertThat(out.resolve("bundles/_attempts")).doesNotExist();
        assertThat(out.resolve("_SUCCESS")).exists();

        Map<String, byte[]> originals = new TreeMap<>();
        for (Path tar : tars) {
            VerificationReport report = BagVerifier.verify(tar, new VerifyOptions(keys.cert(), false, false));
            assertThat(report.valid()).as(tar + ": " + report.findings()).isTrue();
            assertThat(report.trusted()).isTrue();
            assertThat(report.signer()).contains("provkit job col");
            Bundles.assertValidForBagitJava(tar, Files.createDirectories(tmp.resolve("bagit-java")));
            String top = tar.getFileName().toString().replace(".tar", "") + "/data/originals/";
            Bundles.entries(tar).forEach((name, bytes) -> {
                if (name.startsWith(top)) {
                    assertThat(originals.put(name.substring(top.length()), bytes)).as("twice: " + name).isNull();
                }
            });
        }
        Map<String, byte[]> sources = new TreeMap<>();
        try (var files = Files.walk(corpus)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sources.put("corpus/" + corpus.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        assertThat(originals.keySet()).containsExactlyElementsOf(sources.keySet())
                .contains("corpus/empty.txt", "corpus/_underscore.txt", "corpus/.hidden.txt");
        sources.forEach((path, bytes) -> assertThat(originals.get(path)).as(path).isEqualTo(bytes));
        // a page and its assets share a bundle
        assertThat(Bundles.entries(out.resolve("bundles/col-00004.tar")).keySet())
                .contains("col-00004/data/originals/corpus/page.html", "col-00004/data/originals/corpus/page_files/style.css");
    }

    @Test
    @Order(2)
    void eachBundleIsTheSameBytesAsProvkitBundleOfItsFilesOutsideSignature() throws Exception {
        Path tar = out.resolve("bundles/col-00004.tar");
        Path laidOut = tmp.resolve("cli/corpus");
        String top = "col-00004/data/originals/corpus/";
        for (Map.Entry<String, byte[]> entry : Bundles.entries(tar).entrySet()) {
            if (entry.getKey().startsWith(top)) {
                Path file = laidOut.resolve(entry.getKey().substring(top.length()));
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
        }
        Bundles.Command cli = Bundles.command(tmp, Map.of("SOURCE_DATE_EPOCH", EPOCH, "LC_ALL", "C.UTF-8"),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "org.provkit.Main", "bundle", laidOut.toString(), "--name", "col-00004", "-o", tmp.resolve("cli-out").toString(),
                "--no-sign", "--organization", "Example Archive", "--archivist", "Test Archivist", "--no-progress");
        assertThat(cli.exitCode()).as(cli.output()).isZero();
        byte[] expected = Files.readAllBytes(tmp.resolve("cli-out/col-00004.tar"));
        byte[] actual = Files.readAllBytes(tar);
        // The unsigned tar ends in two zero blocks where the signed one has signature/ and then its own.
        int before = expected.length - 1024;
        assertThat(Arrays.copyOf(actual, before)).isEqualTo(Arrays.copyOf(expected, before));
        Map<String, byte[]> signed = Bundles.entries(tar);
        signed.keySet().removeIf(name -> name.startsWith("col-00004/signature/"));
        assertThat(signed.keySet()).containsExactlyElementsOf(Bundles.entries(tmp.resolve("cli-out/col-00004.tar")).keySet());
        // The PDF was parsed in a child JVM, which found provkit's classes.
        var record = Json.mapper().readTree(signed.get("col-00004/data/records/corpus/report.pdf.json"));
        assertThat(record.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(new String(signed.get("col-00004/data/text/corpus/report.pdf.txt"), StandardCharsets.UTF_8)).contains("Prensa Latina");
    }

    @Test
    @Order(3)
    void theIndexHasOneRowPerDocumentAndPerBundleReadByDuckDb() throws Exception {
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("index/documents")))).isEqualTo(17L);
        assertThat(Bundles.count("SELECT count(DISTINCT path) FROM " + Bundles.parquet(out.resolve("index/documents")))).isEqualTo(17L);
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("index/bundles")))).isEqualTo(4L);
        assertThat(Bundles.duckdb("SELECT array_to_string(chain, ' > ') FROM " + Bundles.parquet(out.resolve("index/documents"))
                + " WHERE path = 'corpus/seed.txt'")).isEqualTo("Prensa Latina > Radio Habana Cuba");
        assertThat(Bundles.duckdb("SELECT bundle || ' ' || source FROM " + Bundles.parquet(out.resolve("index/documents"))
                + " WHERE path = 'corpus/empty.txt'")).asString().startsWith("col-00003 file:").endsWith("/corpus/empty.txt");
        assertThat(Bundles.count("SELECT sum(documents) FROM " + Bundles.parquet(out.resolve("index/bundles")))).isEqualTo(17L);
    }

    @Test
    @Order(4)
    void theCollectionManifestChecksWithSha512sumAndItsSignatureWithOpenssl() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("collection/manifest-sha512.txt"));
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(out.resolve(parts[1])));
            assertThat(parts[0]).as(parts[1]).isEqualTo(HexFormat.of().formatHex(digest));
        }
        for (String line : Files.readAllLines(out.resolve("collection/tagmanifests-sha512.txt"))) {
            String[] parts = line.split("  ", 2);
            String name = parts[1].substring(0, parts[1].indexOf('/'));
            byte[] tagManifest = Bundles.entries(out.resolve("bundles/" + name + ".tar")).get(parts[1]);
            assertThat(parts[0]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(tagManifest)));
        }
        assumeTrue(Bundles.onPath("sha512sum") && Bundles.onPath("openssl"), "sha512sum and openssl are not installed");
        Bundles.Command check = Bundles.command(out, Map.of(), "sha512sum", "-c", "collection/manifest-sha512.txt");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("bundles/col-00001.tar: OK");
        Bundles.Command cms = Bundles.command(out, Map.of(), "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "collection/manifest-sha512.txt.p7s", "-content", "collection/manifest-sha512.txt",
                "-CAfile", keys.cert().toString(), "-out", "/dev/null");
        assertThat(cms.exitCode()).as(cms.output()).isZero();
        Bundles.Command bundleCms = Bundles.command(tmp, Map.of(), "sh", "-c", "mkdir -p x && cd x && tar xf " + out.resolve("bundles/col-00001.tar")
                + " && openssl cms -verify -binary -inform DER -in col-00001/signature/tagmanifest-sha512.txt.p7s"
                + " -content col-00001/tagmanifest-sha512.txt -CAfile " + keys.cert() + " -out /dev/null");
        assertThat(bundleCms.exitCode()).as(bundleCms.output()).isZero();
    }

    @Test
    @Order(5)
    void aSecondRunAddsNothing() throws Exception {
        Map<String, byte[]> before = snapshot();
        TestSpark.Run run = bundle(out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 bundles (0 built, 4 kept, 0 rebuilt), 17 documents");
        Map<String, byte[]> after = snapshot();
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("index/documents")))).isEqualTo(17L);
    }

    @Test
    @Order(6)
    void aDamagedBundleIsSetAsideAndWrittenAgain() throws Exception {
        Path damaged = out.resolve("bundles/col-00002.tar");
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[1024] ^= 0x20;  // inside the first original's content
        Files.write(damaged, bytes);
        TestSpark.Run run = bundle(out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(0 built, 3 kept, 1 rebuilt)");
        assertThat(run.err()).contains("col-00002: the existing bundle failed verification");
        assertThat(BagVerifier.verify(damaged, new VerifyOptions(keys.cert(), false, false)).valid()).isTrue();
        try (var aside = Files.list(out.resolve("bundles/_replaced"))) {
            assertThat(aside.map(p -> p.getFileName().toString()).toList()).singleElement().asString().startsWith("col-00002.tar.");
        }
        Bundles.Command check = Bundles.command(out, Map.of(), "sha512sum", "-c", "--quiet", "collection/manifest-sha512.txt");
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void anInstitutionCertificateThatCannotIssueCertificatesIsRefusedWithOneLine() throws Exception {
        TestKeys plain = TestKeys.institution(Files.createDirectories(tmp.resolve("plain")), false);
        TestSpark.Run run = TestSpark.run("bundle", "--input", corpus.toString(), "--output", tmp.resolve("refused").toString(),
                "--collection", "col", "--key", plain.key().toString(), "--cert", plain.cert().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("provkit-spark: certificate '").contains("Example Archive Signing CA")
                .contains("cannot issue job certificates").doesNotContain("\n");
        assertThat(tmp.resolve("refused")).doesNotExist();
    }

    @Test
    void aMissingInputIsExitThree() {
        TestSpark.Run run = TestSpark.run("bundle", "--input", tmp.resolve("nowhere").toString(), "--output",
                tmp.resolve("o").toString(), "--collection", "col", "--no-sign");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("nowhere: no such file or folder");
    }

    private static Map<String, byte[]> snapshot() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        for (Path tar : Bundles.tars(out.resolve("bundles"))) {
            files.put(tar.getFileName().toString(), Files.readAllBytes(tar));
        }
        files.put("manifest", Files.readAllBytes(out.resolve("collection/manifest-sha512.txt")));
        files.put("tagmanifests", Files.readAllBytes(out.resolve("collection/tagmanifests-sha512.txt")));
        return files;
    }
}
