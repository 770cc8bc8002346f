package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.container.TestWarcs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 16: damaged containers cost only what is damaged. A truncated gzip member, a record whose Content-Length
 * is wrong, a file named {@code .warc} that is not one, a zip entry that escapes its folder, a payload whose
 * digest does not match: each is a warning naming the member and offset; the container's bytes are kept; no
 * stack trace; the run goes on.
 */
class HostileContainersTest {

    @TempDir
    static Path tmp;
    static Path sources;
    static Path bag;
    static CliRun run;
    static JsonNode summary;

    @BeforeAll
    static void bundle() throws IOException {
        sources = Files.createDirectories(tmp.resolve("hostile"));
        byte[] three = threePages(tmp.resolve("three.warc.gz"));
        // Cut in the middle of the third record's gzip member.
        Files.write(sources.resolve("truncated.warc.gz"), Arrays.copyOf(three, three.length - 60));

        byte[] plain = Files.readAllBytes(TestWarcs.create()
                .page("https://a.example/1", WebArchiveFixtures.T, "<html><p>one</p></html>")
                .page("https://a.example/2", WebArchiveFixtures.T, "<html><p>two</p></html>")
                .page("https://a.example/3", WebArchiveFixtures.T, "<html><p>three</p></html>")
                .write(tmp.resolve("plain.warc")));
        String text = new String(plain, StandardCharsets.ISO_8859_1);
        int second = text.indexOf("WARC/1", text.indexOf("https://a.example/2") - 400);
        int length = text.indexOf("Content-Length: ", second);
        int end = text.indexOf("\r\n", length);
        int declared = Integer.parseInt(text.substring(length + 16, end));
        String wrong = text.substring(0, length + 16) + (declared + 40) + text.substring(end);
        Files.write(sources.resolve("wrong-length.warc"), wrong.getBytes(StandardCharsets.ISO_8859_1));

        Files.writeString(sources.resolve("not-a.warc"), "<html><body><p>Just a page, named as a WARC.</p></body></html>\n");

        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(sources.resolve("escaping.zip").toFile())) {
            for (String name : List.of("../../outside.txt", "/etc/absolute.txt", "fine/inside.txt")) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(("content of " + name + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }

        byte[] tampered = Files.readAllBytes(TestWarcs.create()
                .page("https://b.example/story", WebArchiveFixtures.T, "<html><p>The original words of the story.</p></html>")
                .write(tmp.resolve("tampered.warc")));
        String changed = new String(tampered, StandardCharsets.ISO_8859_1).replace("original words", "altered words!");
        Files.write(sources.resolve("tampered.warc"), changed.getBytes(StandardCharsets.ISO_8859_1));

        Path out = tmp.resolve("archives");
        run = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--format", "dir", "--name", "hostile",
                "--no-sign", "--no-progress", "--json");
        summary = Json.mapper().readTree(run.out());
        bag = out.resolve("hostile");
    }

    static byte[] threePages(Path file) throws IOException {
        return Files.readAllBytes(TestWarcs.create()
                .page("https://t.example/1", WebArchiveFixtures.T, "<html><p>first page</p></html>")
                .page("https://t.example/2", WebArchiveFixtures.T, "<html><p>second page</p></html>")
                .page("https://t.example/3", WebArchiveFixtures.T, "<html><p>" + "third page ".repeat(50) + "</p></html>")
                .write(file));
    }

    static JsonNode record(String path) throws IOException {
        return Json.mapper().readTree(bag.resolve("data/records/hostile/" + path + ".json").toFile());
    }

    static String warnings(JsonNode record) {
        return record.path("warnings").toString();
    }

    @Test
    void theRunEndsWellWithEveryContainerKeptByteForByte() throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        try (var files = Files.list(sources)) {
            for (Path source : files.toList()) {
                assertThat(Files.readAllBytes(bag.resolve("data/originals/hostile/" + source.getFileName())))
                        .as(source.toString()).isEqualTo(Files.readAllBytes(source));
            }
        }
        assertThat(CliRun.inProcess("verify", bag.toString()).exitCode()).isZero();
    }

    @Test
    void aTruncatedGzipMemberIsAWarningAndTheRecordsBeforeItAreMembers() throws IOException {
        JsonNode container = record("truncated.warc.gz");
        assertThat(container.path("members")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(container.path("members").get(0).path("url").asText()).isEqualTo("https://t.example/1");
        String all = warnings(container) + container.path("members").toString();
        JsonNode last = record("truncated.warc.gz/" + container.path("members").get(container.path("members").size() - 1).path("name").asText());
        assertThat(warnings(container) + warnings(last)).containsPattern("offset \\d+").contains("cut short");
        assertThat(all).doesNotContain("Exception");
    }

    @Test
    void aWrongContentLengthIsAWarningNamingTheRecordAndTheNextRecordIsStillRead() throws IOException {
        JsonNode container = record("wrong-length.warc");
        assertThat(container.path("members")).extracting(m -> m.path("url").asText()).contains("https://a.example/1", "https://a.example/3");
        assertThat(warnings(container)).containsPattern("offset \\d+").contains("reading goes on at the next record");
        JsonNode second = record("wrong-length.warc/" + container.path("members").get(1).path("name").asText());
        assertThat(second.path("capture").path("digests").asText()).isEqualTo("mismatch");
        assertThat(warnings(second)).contains(second.path("member").path("recordId").asText()).contains("offset");
    }

    @Test
    void aFileNamedWarcThatIsNotOneSaysSoAndIsKept() throws IOException {
        JsonNode container = record("not-a.warc");
        assertThat(container.path("members")).isEmpty();
        assertThat(warnings(container)).contains("not a WARC file").contains("offset 0");
        assertThat(summary.path("warnings").toString()).contains("hostile/not-a.warc");
    }

    @Test
    void aZipEntryThatEscapesItsFolderIsKeptInsideItAndNamed() throws IOException {
        JsonNode container = record("escaping.zip");
        assertThat(container.path("members")).extracting(m -> m.path("path").asText())
                .containsExactly("hostile/escaping.zip/outside.txt", "hostile/escaping.zip/etc/absolute.txt",
                        "hostile/escaping.zip/fine/inside.txt");
        JsonNode outside = record("escaping.zip/outside.txt");
        assertThat(warnings(outside)).contains("entry \\\"../../outside.txt\\\" at offset 0 names a place outside its folder");
        assertThat(outside.path("member").path("entryName").asText()).isEqualTo("../../outside.txt");
        assertThat(warnings(record("escaping.zip/fine/inside.txt"))).doesNotContain("outside its folder");
        assertThat(Files.exists(tmp.resolve("outside.txt"))).isFalse();
    }

    @Test
    void aPayloadThatDoesNotMatchItsDigestIsAWarningNamingTheRecord() throws IOException {
        JsonNode container = record("tampered.warc");
        JsonNode story = record("tampered.warc/" + container.path("members").get(0).path("name").asText());
        assertThat(story.path("capture").path("digests").asText()).isEqualTo("mismatch");
        assertThat(warnings(story)).contains("WARC-Payload-Digest of record " + story.path("member").path("recordId").asText()
                + " at offset 0 does not match its payload");
        assertThat(Files.readString(bag.resolve("data/text/hostile/tampered.warc/" + story.path("member").path("name").asText() + ".txt")))
                .contains("altered words!");
    }
}
