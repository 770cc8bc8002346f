package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.bag.ChecksumAlgorithm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 8: a corpus of hostile sources is bundled without losing a byte, without a stack trace, with a
 * warning naming each bad file, into a bag independent validators accept, and nothing from outside the
 * source folder gets in.
 */
public class HostileSourcesTest {

    @TempDir
    static Path tmp;
    static Path sources;
    static Path secret;
    static CliRun run;
    static JsonNode summary;
    static Path bag;

    @BeforeAll
    static void bundleTheHostileCorpus() throws Exception {
        sources = Files.createDirectories(tmp.resolve("hostile"));
        secret = tmp.resolve("outside-secret.txt");
        Files.writeString(secret, "TOP-SECRET-OUTSIDE-CONTENT");
        Random random = new Random(8);

        Files.write(sources.resolve("empty.txt"), new byte[0]);
        byte[] noise = new byte[50_000];
        random.nextBytes(noise);
        Files.write(sources.resolve("random.pdf"), noise);
        Files.write(sources.resolve("truncated.pdf"), truncatedPdf());
        Files.write(sources.resolve("bomb.zip"), zipBomb(1L << 30));
        Files.write(sources.resolve("nested.zip"), nestedZip(25));
        Files.writeString(sources.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file://"
                + secret.toAbsolutePath() + "\">]>\n<r>&x;</r>\n");
        try (OutputStream out = Files.newOutputStream(sources.resolve("one-line.txt"))) {
            byte[] chunk = "word ".repeat(220_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                out.write(chunk, 0, 1 << 20);
            }
        }
        // Parsed in provkit's own JVM (HTML up to 4 MB): pathological nesting must cost seconds at most.
        Files.writeString(sources.resolve("nested.html"), "<html><body>" + "<table><tr><td><b><i>".repeat(40_000));
        Files.writeString(sources.resolve("misnested.html"), "<html><body>" + "<a href=x><b><i>x</b></a></i>".repeat(40_000));
        Files.writeString(sources.resolve("new\nline.txt"), "a name with a newline\n");
        Files.writeString(sources.resolve("100% sure.txt"), "a name with a percent sign\n");
        Files.writeString(sources.resolve(Normalizer.normalize("café.txt", Normalizer.Form.NFC)), "NFC twin\n");
        Files.writeString(sources.resolve(Normalizer.normalize("café.txt", Normalizer.Form.NFD)), "NFD twin\n");
        Files.writeString(sources.resolve("Case.txt"), "upper\n");
        Files.writeString(sources.resolve("case.txt"), "lower\n");
        Path deep = sources;
        for (int i = 0; i < 30; i++) {
            deep = deep.resolve("level" + i);
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("deep.txt"), "thirty levels down\n");
        Files.createSymbolicLink(sources.resolve("link-out.txt"), secret);
        Files.createSymbolicLink(sources.resolve("link-in.txt"), sources.resolve("Case.txt"));
        new ProcessBuilder("sh", "-c", "printf 'latin-1 name\\n' > \"$1/caf$(printf '\\351').txt\"", "sh", sources.toString())
                .start().waitFor();
        Path fifo = sources.resolve("a-fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

        Path out = tmp.resolve("archives");
        run = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--format", "dir", "--name", "hostile",
                "--no-sign", "--json");
        summary = Json.mapper().readTree(run.out());
        bag = out.resolve("hostile");
    }

    @Test
    void theBundleIsWrittenWithoutAStackTrace() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void everyRegularSourceFileIsInThePayloadByteForByte() throws IOException {
        Map<String, String> manifest = new HashMap<>();
        for (String line : Files.readString(bag.resolve("manifest-sha256.txt")).split("\n")) {
            manifest.put(line.substring(line.indexOf("  ") + 2), line.substring(0, 64));
        }
        List<Path> regular;
        try (Stream<Path> walk = Files.walk(sources)) {
            regular = walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
        assertThat(regular).hasSize(17);
        for (Path file : regular) {
            String relative = sources.relativize(file).toString();
            String recorded = "hostile/" + relative;
            // the one name that is not UTF-8 is caf\xE9.txt: its byte is written as a quote and its hex digits
            String bagPath = BagPaths.original(relative.contains("\uFFFD") ? "hostile/caf\u201BE9.txt" : PortableNames.path(recorded));
            assertThat(manifest).as(recorded).containsKey(bagPath);
            assertThat(manifest.get(bagPath)).as(recorded).isEqualTo(sha256(file));
            assertThat(Files.readAllBytes(bag.resolve(bagPath))).as(recorded).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void eachBadFileIsNamedInAWarning() {
        String warnings = summary.path("warnings").toString() + summary.path("notes").toString();
        for (String bad : List.of("empty.txt", "random.pdf", "truncated.pdf", "bomb.zip", "nested.zip", "link-out.txt",
                "link-in.txt", "a-fifo")) {
            assertThat(warnings).as(bad).contains("hostile/" + bad);
        }
        assertThat(run.err()).contains("hostile/bomb.zip").contains("hostile/random.pdf");
    }

    @Test
    void oddNamesAreKeptAndNoted() throws IOException {
        String notes = summary.path("notes").toString();
        assertThat(notes).contains("hostile/caf%E9.txt").contains("not valid UTF-8");
        assertThat(notes).contains("only by letter case").contains("only by Unicode normalisation");
        JsonNode record = Json.mapper().readTree(bag.resolve("data/records/hostile/caf\u201BE9.txt.json").toFile());
        assertThat(record.path("originalNameHex").asText()).isEqualTo("636166e92e747874");
        assertThat(record.path("path").asText()).isEqualTo("hostile/caf%E9.txt");
        assertThat(bag.resolve("data/originals/hostile/new\u240Aline.txt")).exists();
        assertThat(bag.resolve("data/originals/hostile/100\uFF05 sure.txt")).exists();
    }

    @Test
    void nothingFromOutsideTheSourceFolderGetsIn() throws IOException {
        try (Stream<Path> walk = Files.walk(bag)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (Files.size(file) < 100_000_000) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain("TOP-SECRET-OUTSIDE-CONTENT");
                }
            }
        }
        assertThat(bag.resolve("data/originals/hostile/link-out.txt")).doesNotExist();
    }

    @Test
    void independentValidatorsAcceptTheBag() throws Exception {
        // Before issue 15 bagit-java (and bagit-python) rejected "100%25 sure.txt": no '%' is left in a payload name.
        BundleEndToEndTest.assertValidForBagitJava(bag);
        if (org.provkit.BagitPython.available()) {
            // bagit-python matches names after Unicode normalisation, so of two names that differ only by it
            // (both kept, and noted) it checks one file's bytes against the other's checksum: its only complaint.
            org.provkit.BagitPython.Result python = org.provkit.BagitPython.validate(bag);
            if (!python.valid()) {
                assertThat(python.output().lines().filter(l -> l.contains("validation failed")))
                        .allMatch(l -> l.contains("hostile/caf") && !l.contains("\u201B"));
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(ChecksumAlgorithm.SHA256.newDigest().digest(Files.readAllBytes(file)));
    }

    private static byte[] truncatedPdf() {
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 72 712 Td (Hello) Tj ET\n";
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] zipBomb(long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.length) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    public static byte[] nestedZip(int depth) throws IOException {
        byte[] inner = "the innermost text\n".getBytes(StandardCharsets.UTF_8);
        String name = "inner.txt";
        for (int i = 0; i < depth; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(inner);
                zip.closeEntry();
            }
            inner = bytes.toByteArray();
            name = "level" + i + ".zip";
        }
        return inner;
    }
}
