package org.provkit.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.provkit.CliRun;
import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.TestFiles;
import org.provkit.catalog.TestBundles;

import com.fasterxml.jackson.databind.JsonNode;

/** inspect BUNDLE, inspect --text and -, extract, and verify of a folder of bundles, end to end. */
class RetrieveTest {

    static final String SEED = "seeds/000_6aef5a1f1f04ad71.txt";

    /** The bundles, made once (the tests only read them). */
    @TempDir
    static Path shared;
    static Path archives;

    @TempDir
    Path tmp;

    @BeforeAll
    static void bundles() {
        archives = shared.resolve("archives");
        for (String format : List.of("tar", "tar.gz", "zip", "dir")) {
            CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", archives.toString(), "--no-sign", "-q",
                    "--format", format, "--name", "seed-" + format.replace('.', '-'));
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    private static Path bundle(String format) {
        return archives.resolve("seed-" + format.replace('.', '-') + (format.equals("dir") ? "" : "." + format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar", "tar.gz", "zip", "dir"})
    void inspectOfABundleShowsTheRecordsItHolds(String format) throws IOException {
        CliRun run = CliRun.inProcess("inspect", bundle(format).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(SEED + "  (recorded in " + bundle(format) + ")")
                .contains("chain: Prensa Latina → Radio Habana Cuba").contains("Prensa Latina (origin)")
                .doesNotContain("application/x-tar").doesNotContain("application/zip");
        JsonNode json = Json.mapper().readTree(CliRun.inProcess("inspect", "--json", bundle(format).toString()).out());
        assertThat(json.get("documents")).singleElement().satisfies(record -> {
            assertThat(record.path("path").asText()).isEqualTo(SEED);
            assertThat(record.path("bundle").asText()).isEqualTo(bundle(format).toString());
            assertThat(record.path("sha256").asText()).isEqualTo(TestBundles.sha256(
                    Files.readAllBytes(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"))));
        });
    }

    @Test
    void inspectTextShowsTheExtractedTextOfAFileABundleAndStandardInput() throws IOException {
        assertThat(CliRun.inProcess("inspect", "--text", TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt").toString()).out())
                .contains("  text:").contains("    Source: Prensa Latina");
        assertThat(CliRun.inProcess("inspect", "--text", bundle("tar.gz").toString()).out())
                .contains("  text:").contains("    Source: Prensa Latina");
        JsonNode json = Json.mapper().readTree(CliRun.inProcess("inspect", "--json", "--text", bundle("zip").toString()).out());
        assertThat(json.at("/documents/0/text").asText()).contains("Díaz-Canel");

        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("PARIS (AFP) - The rail line reopened on Monday after repairs to the bridge."
                    .getBytes(StandardCharsets.UTF_8)));
            CliRun stdin = CliRun.inProcess("inspect", "-");
            assertThat(stdin.exitCode()).as(stdin.err()).isZero();
            assertThat(stdin.out()).startsWith("-\n").contains("language en").contains("AFP");
        } finally {
            System.setIn(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar", "tar.gz", "zip", "dir"})
    void extractGivesTheOriginalsByteForByteAndTheTexts(String format) throws IOException {
        Path out = tmp.resolve("out-" + format);
        CliRun run = CliRun.inProcess("extract", bundle(format).toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve(SEED)).hasSameBinaryContentAs(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"));
        CliRun text = CliRun.inProcess("extract", bundle(format).toString(), SEED, "--text", "-o", out.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(Files.readString(out.resolve(SEED + ".txt"))).contains("Source: Prensa Latina");
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()))
                    .containsExactlyInAnyOrder(SEED, SEED + ".txt");
        }

        CliRun stdout = CliRun.inProcess("extract", bundle(format).toString(), "data/provenance.json", "-o", "-");
        assertThat(stdout.exitCode()).isZero();
        assertThat(Json.mapper().readTree(stdout.out()).has("activity")).isTrue();
    }

    @Test
    void extractNeverOverwritesAndNamesWhatItCannotFind() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(CliRun.inProcess("extract", bundle("tar").toString(), "-o", out.toString()).exitCode()).isZero();
        CliRun again = CliRun.inProcess("extract", bundle("tar").toString(), "-o", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("exists already").contains("never overwrites");
        CliRun unknown = CliRun.inProcess("extract", bundle("tar").toString(), "seeds/nothing.txt");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.errIsOnePlainLine()).as(unknown.err()).isTrue();
        assertThat(unknown.err()).contains("holds no document or file seeds/nothing.txt");
        CliRun notABundle = CliRun.inProcess("extract", TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt").toString());
        assertThat(notABundle.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notABundle.err()).contains("is not a bundle");
    }

    @Test
    void aDamagedOriginalIsNotExtracted() throws IOException {
        Path damaged = Files.copy(bundle("tar"), tmp.resolve("damaged.tar"));
        TestBundles.flipByteNear(damaged, "inconditionnel");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.inProcess("extract", damaged.toString(), SEED, "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("does not match its checksum");
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(Files::isRegularFile)).as("nothing left, not even a temporary file").isEmpty();
        }
    }

    @Test
    void aRecordPathThatLeavesTheOutputFolderIsRefused() throws IOException {
        TestBundles.Doc doc = TestBundles.doc("x/safe.txt", "T", "en", "Text.\n", List.of(), List.of());
        doc.record().put("path", "../../evil.txt");
        Path evil = TestBundles.writeTar(tmp, "evil", List.of(doc));
        Path out = tmp.resolve("deep/out");
        CliRun run = CliRun.inProcess("extract", evil.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.err()).contains("../../evil.txt").contains("not safe to write");
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void verifyOfAFolderOfBundlesVerifiesEachAndInParallelGivesTheSameReport() {
        CliRun run = CliRun.inProcess("verify", archives.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.err()).contains(archives + " is a folder of 4 bundles: verifying each");
        assertThat(run.out()).contains("OK   " + bundle("tar")).contains("OK   " + bundle("dir"))
                .contains("4 target(s): 4 valid, 0 invalid, 0 unreadable");
        CliRun parallel = CliRun.inProcess("verify", "--processes", "3", archives.toString());
        assertThat(parallel.out()).isEqualTo(run.out());

        CliRun sources = CliRun.inProcess("verify", TestFiles.seeds().toString());
        assertThat(sources.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(sources.err()).contains("neither a bag nor a folder of bundles");
    }
}
