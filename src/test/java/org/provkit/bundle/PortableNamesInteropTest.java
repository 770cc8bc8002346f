package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.BagitPython;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.TestFiles;
import org.provkit.WindowsNames;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15: sources whose names Windows or BagIt tools cannot hold as they are ('%', a newline, bytes
 * that are not UTF-8, CON, a:b, a final dot or space, control characters, over-long names) give a
 * bundle that bagit-python and bagit-java validate and that Windows can unpack, while the exact names
 * stay in the records, the PROV graph and inspect's output.
 */
class PortableNamesInteropTest {

    @TempDir
    static Path tmp;
    static Path sources;
    static Path bag;
    static Path tar;
    static CliRun run;
    /** Source name (as Java reads it) → its original bytes in hex, for the names that are not UTF-8. */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    @BeforeAll
    static void bundleOddNames() throws Exception {
        sources = Files.createDirectories(tmp.resolve("odd names"));
        for (String name : List.of("100% sure.txt", "new\nline.txt", "CON.txt", "aux", "a:b.txt", "ends with a dot.",
                "ends with a space ", "tab\there.txt", "bell\u0007.txt", "pipe|question?.txt", "full：width.txt",
                "quote‛mark.txt", "l".repeat(251) + ".txt", "article.txt")) {
            Files.writeString(sources.resolve(name), "text of " + name.strip() + "\n");
            NAMES.put(name, null);
        }
        Path lpt = Files.createDirectories(sources.resolve("LPT1"));
        Files.writeString(lpt.resolve("inside.txt"), "a file inside a folder with a device name\n");
        NAMES.put("LPT1/inside.txt", null);
        new ProcessBuilder("sh", "-c", "printf 'latin-1 name\\n' > \"$1/caf$(printf '\\351').txt\"", "sh", sources.toString())
                .start().waitFor();
        NAMES.put("caf\uFFFD.txt", "636166e92e747874");

        Path out = tmp.resolve("archives");
        run = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--format", "dir", "--name", "odd",
                "--no-sign", "--json");
        bag = out.resolve("odd");
        CliRun packed = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--name", "odd-tar", "--no-sign");
        assertThat(packed.exitCode()).as(packed.err()).isZero();
        tar = out.resolve("odd-tar.tar");
    }

    @Test
    void theBundleIsWrittenAndVerifies() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("\tat ");
        CliRun verify = CliRun.inProcess("verify", tar.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void bagitJavaValidatesIt() throws Exception {
        BundleEndToEndTest.assertValidForBagitJava(bag);
    }

    @Test
    void bagitPythonValidatesIt() throws Exception {
        assumeTrue(BagitPython.available(), "python3 is not installed");
        BagitPython.Result result = BagitPython.validate(bag);
        assertThat(result.valid()).as(result.output()).isTrue();
    }

    @Test
    void everyPayloadPathFollowsWindowsRules() throws Exception {
        List<String> manifest = Files.readAllLines(bag.resolve("manifest-sha256.txt"), StandardCharsets.UTF_8);
        assertThat(manifest).hasSize(3 * NAMES.size() + 1);
        for (String line : manifest) {
            String path = line.substring(line.indexOf("  ") + 2);
            assertThat(WindowsNames.problems(path)).as(path).isEmpty();
        }
        for (String entry : TestFiles.tarEntries(tar).keySet()) {
            assertThat(WindowsNames.problems(entry)).as(entry).isEmpty();
        }
    }

    @Test
    void recordsKeepTheExactNameAndPointAtTheBytes() throws Exception {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(bag.resolve("data/records"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                JsonNode record = Json.mapper().readTree(file.toFile());
                records.put(record.path("path").asText(), record);
            }
        }
        for (Map.Entry<String, String> name : NAMES.entrySet()) {
            String recorded = "odd names/" + (name.getValue() == null ? name.getKey() : "caf%E9.txt");
            JsonNode record = records.get(recorded);
            assertThat(record).as(recorded + " in " + records.keySet()).isNotNull();
            Path source = Files.list(sources).filter(p -> p.getFileName().toString().equals(name.getKey().split("/")[0]))
                    .findFirst().orElseThrow();
            if (Files.isDirectory(source)) {
                source = source.resolve(name.getKey().split("/")[1]);
            }
            assertThat(Files.readAllBytes(bag.resolve(record.path("originalPath").asText()))).as(recorded)
                    .isEqualTo(Files.readAllBytes(source));
            if (name.getValue() != null) {
                assertThat(record.path("originalNameHex").asText()).isEqualTo(name.getValue());
                assertThat(record.path("originalPath").asText()).isEqualTo("data/originals/odd names/caf‛E9.txt");
            }
        }
        assertThat(records.get("odd names/a:b.txt").path("originalPath").asText()).isEqualTo("data/originals/odd names/a：b.txt");
        assertThat(records.get("odd names/CON.txt").path("textPath").asText()).isEqualTo("data/text/odd names/CON‛.txt.txt");
    }

    @Test
    void theProvGraphNamesTheOriginalAndWhereItIsStored() throws Exception {
        String prov = Files.readString(bag.resolve("data/provenance.json"));
        JsonNode graph = Json.mapper().readTree(prov);
        List<String> paths = new java.util.ArrayList<>();
        List<String> bagPaths = new java.util.ArrayList<>();
        graph.path("entity").forEach(entity -> {
            entity.path("provkit:path").forEach(v -> paths.add(v.path("$").asText(v.asText())));
            if (entity.has("provkit:path")) {
                entity.path("provkit:bagPath").forEach(v -> bagPaths.add(v.path("$").asText(v.asText())));
            }
        });
        assertThat(String.join("\n", paths) + prov).contains("odd names/a:b.txt").contains("odd names/100% sure.txt");
        assertThat(prov).contains("data/originals/odd names/a：b.txt");
    }

    @Test
    void inspectShowsTheExactNames() {
        CliRun inspect = CliRun.inProcess("inspect", "--json", sources.resolve("a:b.txt").toString(),
                sources.resolve("100% sure.txt").toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("a:b.txt").contains("100% sure.txt").doesNotContain("：");
    }

    @Test
    void notesSayWhereARenamedFileIsStored() throws Exception {
        JsonNode summary = Json.mapper().readTree(run.out());
        String notes = summary.path("notes").toString();
        assertThat(notes).contains("odd names/a:b.txt").contains("data/originals/odd names/a：b.txt")
                .contains("its record keeps the exact name");
    }
}
