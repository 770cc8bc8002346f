package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;

/** {@code provkit bundle} run as a user would, checked with an independent BagIt validator (bagit-java). */
class BundleEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void bundlesTheSeedIntoAValidBagWithItsBytesAndText() throws Exception {
        Path out = tmp.resolve("archives");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", out.toString(), "--no-sign", "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Bundle: ").contains("1 document").contains("0 warnings");
        List<Path> bundles = list(out);
        assertThat(bundles).hasSize(1);
        Path tar = bundles.get(0);
        assertThat(tar.getFileName().toString()).matches("seeds-\\d{8}-[0-9a-f]{6}\\.tar");

        Map<String, byte[]> entries = TestFiles.tarEntries(tar);
        String root = tar.getFileName().toString().replace(".tar", "");
        assertThat(entries.keySet()).allMatch(name -> name.startsWith(root + "/"));
        // The payload sorted by path (each original packed as soon as it is extracted), then the tag files.
        assertThat(List.copyOf(entries.keySet())).containsExactly(
                root + "/data/originals/seeds/000_6aef5a1f1f04ad71.txt", root + "/data/provenance.json",
                root + "/data/records/seeds/000_6aef5a1f1f04ad71.txt.json", root + "/data/text/seeds/000_6aef5a1f1f04ad71.txt.txt",
                root + "/bagit.txt", root + "/bag-info.txt", root + "/manifest-sha256.txt", root + "/manifest-sha512.txt",
                root + "/tagmanifest-sha256.txt", root + "/tagmanifest-sha512.txt");
        byte[] seed = Files.readAllBytes(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"));
        assertThat(entries.get(root + "/data/originals/seeds/000_6aef5a1f1f04ad71.txt")).isEqualTo(seed);
        assertThat(new String(entries.get(root + "/data/text/seeds/000_6aef5a1f1f04ad71.txt.txt"), StandardCharsets.UTF_8))
                .contains("Díaz-Canel").contains("Source: Prensa Latina");
        JsonNode record = Json.mapper().readTree(entries.get(root + "/data/records/seeds/000_6aef5a1f1f04ad71.txt.json"));
        assertThat(record.path("mediaType").asText()).isEqualTo("text/plain");
        assertThat(record.path("bytes").asLong()).isEqualTo(seed.length);
        assertThat(record.path("metadata").path("Content-Type").get(0).asText()).startsWith("text/plain");
        String bagInfo = new String(entries.get(root + "/bag-info.txt"), StandardCharsets.UTF_8);
        assertThat(bagInfo).contains("Bagging-Date: ").contains("Payload-Oxum: ").contains("Bag-Software-Agent: provkit");

        Path bagDir = TestFiles.untar(tar, tmp.resolve("unpacked"));
        assertValidForBagitJava(bagDir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip", "dir"})
    void everyFormatIsAValidBag(String format) throws Exception {
        Path out = tmp.resolve("archives");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", out.toString(), "--format", format,
                "--no-sign", "--name", "seed-" + format.replace('.', '-'));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path bundle = list(out).get(0);
        Path bagDir = switch (format) {
            case "dir" -> bundle;
            case "zip" -> unpack(new ZipArchiveInputStream(Files.newInputStream(bundle)), tmp.resolve("unzip"));
            default -> unpack(new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(bundle))), tmp.resolve("untgz"));
        };
        assertThat(bagDir.getFileName().toString()).isEqualTo("seed-" + format.replace('.', '-'));
        assertValidForBagitJava(bagDir);
    }

    @Test
    void aFileTikaCannotParseIsStillArchivedByteForByteWithAWarning() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("mixed"));
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(sources.resolve("report.pdf"), garbage);
        Files.writeString(sources.resolve("note.txt"), "Fuente: EFE\n");
        Path out = tmp.resolve("archives");

        CliRun run = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--no-sign", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = Json.mapper().readTree(run.out());
        assertThat(summary.path("documents").asInt()).isEqualTo(2);
        assertThat(summary.path("warnings").toString()).contains("mixed/report.pdf");
        assertThat(run.err()).contains("warning: mixed/report.pdf");
        Map<String, byte[]> entries = TestFiles.tarEntries(Path.of(summary.path("bundle").asText()));
        String root = summary.path("name").asText();
        assertThat(entries.get(root + "/data/originals/mixed/report.pdf")).isEqualTo(garbage);
        JsonNode record = Json.mapper().readTree(entries.get(root + "/data/records/mixed/report.pdf.json"));
        assertThat(record.path("warnings").toString()).contains("no PDF header");
    }

    @Test
    void strictTurnsWarningsIntoExitOneButStillWritesTheBundle() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("strict"));
        Files.write(sources.resolve("empty.txt"), new byte[0]);
        Path out = tmp.resolve("archives");
        CliRun run = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--no-sign", "--strict");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("warning: strict/empty.txt");
        assertThat(list(out)).hasSize(1);
    }

    @Test
    void aMissingSourceIsOneClearLineAndExitThree() {
        CliRun run = CliRun.inProcess("bundle", tmp.resolve("nowhere").toString(), "-o", tmp.resolve("a").toString(), "--no-sign");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").contains("nowhere").contains("no such file");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "--format", "rar", "--no-sign");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("rar");
    }

    static void assertValidForBagitJava(Path bagDir) throws Exception {
        Bag bag = new BagReader().read(bagDir);
        try (gov.loc.repository.bagit.verify.BagVerifier verifier = new gov.loc.repository.bagit.verify.BagVerifier()) {
            verifier.isValid(bag, false);
        }
        assertThat(bag.getVersion().toString()).isEqualTo("1.0");
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static Path unpack(ArchiveInputStream<? extends ArchiveEntry> archive, Path dir) throws IOException {
        Path root = null;
        try (archive) {
            ArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                Path file = dir.resolve(entry.getName()).normalize();
                if (!file.startsWith(dir)) {
                    throw new IOException("entry leaves the folder");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.write(file, archive.readAllBytes());
                if (root == null) {
                    root = dir.resolve(entry.getName().substring(0, entry.getName().indexOf('/')));
                }
            }
        }
        return root;
    }
}
