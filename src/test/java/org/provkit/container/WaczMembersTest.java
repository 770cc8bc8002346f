package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WACZ packages: the captures of their WARCs are the members; the package's own hashes are checked. */
class WaczMembersTest {

    @TempDir
    Path tmp;

    static final Instant T = Instant.parse("2024-05-01T12:00:00Z");
    static final String PAGES = "{\"format\": \"json-pages-1.0\", \"id\": \"pages\", \"title\": \"All Pages\"}\n"
            + "{\"id\": \"p1\", \"url\": \"https://news.example/a.html\", \"ts\": \"2024-05-01T12:00:00Z\", \"title\": \"Story A\"}\n";

    /** The files of a WACZ, in order: each path and its bytes. */
    Map<String, byte[]> files() throws IOException {
        Path warc = TestWarcs.create().warcinfo("Browsertrix-Crawler 1.0", "Example Archive")
                .page("https://news.example/a.html", T, "<html><title>A</title><p>Story A</p></html>")
                .response("https://news.example/a.jpg", T.plusSeconds(1), 200, "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8})
                .write(tmp.resolve("data.warc.gz"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("archive/data.warc.gz", Files.readAllBytes(warc));
        files.put("pages/pages.jsonl", PAGES.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static String datapackage(Map<String, byte[]> files, String version) {
        StringBuilder resources = new StringBuilder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            resources.append(resources.length() == 0 ? "" : ",").append("{\"name\": \"").append(file.getKey())
                    .append("\", \"path\": \"").append(file.getKey()).append("\", ");
            resources.append(version.equals("1.0.0")
                    ? "\"hashing\": \"sha256\", \"stats\": {\"hash\": \"" + sha256(file.getValue()) + "\", \"bytes\": " + file.getValue().length + "}}"
                    : "\"hash\": \"sha256:" + sha256(file.getValue()) + "\", \"bytes\": " + file.getValue().length + "}");
        }
        return "{\"profile\": \"data-package\", \"wacz_version\": \"" + version + "\", \"software\": \"py-wacz 0.5.0\", "
                + "\"created\": \"2024-05-01T13:00:00Z\", \"resources\": [" + resources + "]}";
    }

    Path wacz(Map<String, byte[]> files, String datapackage, String digest) throws IOException {
        Path file = tmp.resolve("crawl.wacz");
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.put("datapackage.json", datapackage.getBytes(StandardCharsets.UTF_8));
        if (digest != null) {
            all.put("datapackage-digest.json", digest.getBytes(StandardCharsets.UTF_8));
        }
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : all.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    static String signedDigest(String datapackage) {
        return "{\"path\": \"datapackage.json\", \"hash\": \"sha256:" + sha256(datapackage.getBytes(StandardCharsets.UTF_8))
                + "\", \"signedData\": {\"hash\": \"x\", \"signature\": \"MEUC\", \"domain\": \"archive.example\","
                + " \"created\": \"2024-05-01T13:00:01Z\", \"software\": \"authsign 0.5.0\"}}";
    }

    ReadMembers read(Path wacz) throws IOException {
        return ReadMembers.of(new WaczMembers(), wacz, tmp.resolve("scratch"));
    }

    @Test
    void theCapturesOfItsWarcsAreMembersNamedUnderTheWarcAndCarryTheirPageEntry() throws IOException {
        Map<String, byte[]> files = files();
        String datapackage = datapackage(files, "1.1.1");
        ReadMembers read = read(wacz(files, datapackage, signedDigest(datapackage)));
        assertThat(read.warnings()).isEmpty();
        assertThat(read.names()).containsExactly("archive/data.warc.gz/000002_news.example_a.html",
                "archive/data.warc.gz/000003_news.example_a.jpg");
        Capture page = read.members().get(0).member().capture();
        assertThat(page.url()).isEqualTo("https://news.example/a.html");
        assertThat(page.page()).isEqualTo(new WaczPage("p1", "Story A", "2024-05-01T12:00:00Z"));
        assertThat(page.crawler().software()).isEqualTo("Browsertrix-Crawler 1.0");
        assertThat(read.members().get(1).member().capture().page()).isNull();
        assertThat(read.members().get(0).member().identity().entryName()).isEqualTo("archive/data.warc.gz");
        Map<String, Object> details = read.summary().details();
        assertThat(details).containsEntry("wacz_version", "1.1.1").containsEntry("software", "py-wacz 0.5.0")
                .containsEntry("pages", 1).containsEntry("members", 2);
        assertThat(details.get("datapackageDigest")).isEqualTo(Map.of("present", true, "hash", "ok", "signed", true,
                "domain", "archive.example", "software", "authsign 0.5.0", "created", "2024-05-01T13:00:01Z"));
    }

    @Test
    void theOlderDatapackageFormIsCheckedToo() throws IOException {
        Map<String, byte[]> files = files();
        ReadMembers read = read(wacz(files, datapackage(files, "1.0.0"), null));
        assertThat(read.warnings()).isEmpty();
        assertThat(read.members()).hasSize(2);
        assertThat(read.summary().details().get("datapackageDigest")).isEqualTo(Map.of("present", false));
    }

    @Test
    void everyDisagreementWithThePackageDescriptionIsAWarning() throws IOException {
        Map<String, byte[]> files = files();
        Map<String, byte[]> described = new LinkedHashMap<>(files);
        described.put("indexes/index.cdx", "missing".getBytes(StandardCharsets.UTF_8));
        String datapackage = datapackage(described, "1.1.1");
        files.put("pages/pages.jsonl", (PAGES + "{\"url\": \"https://news.example/added.html\"}\n").getBytes(StandardCharsets.UTF_8));
        files.put("extra.txt", "unlisted".getBytes(StandardCharsets.UTF_8));
        ReadMembers read = read(wacz(files, datapackage, signedDigest(datapackage.replace("py-wacz", "other"))));
        assertThat(read.members()).hasSize(2);
        assertThat(read.warnings()).hasSize(4)
                .anySatisfy(w -> assertThat(w).startsWith("pages/pages.jsonl does not match its hash in datapackage.json (sha256 "))
                .contains("datapackage.json lists indexes/index.cdx, which is not in the WACZ",
                        "extra.txt is in the WACZ but not listed in datapackage.json",
                        "datapackage-digest.json does not match datapackage.json: the package description was changed after it was signed");
    }

    @Test
    void aPageListLineTooLongToHoldIsReadPastAndTheOthersStillCount() throws IOException {
        Map<String, byte[]> files = files();
        String huge = "{\"url\": \"https://news.example/huge\", \"title\": \"" + "x".repeat(2 << 20) + "\"}\n";
        files.put("pages/pages.jsonl", (huge + PAGES).getBytes(StandardCharsets.UTF_8));
        ReadMembers read = read(wacz(files, datapackage(files, "1.1.1"), null));
        assertThat(read.warnings()).containsExactly("pages/pages.jsonl line 1 is longer than 1024 KB: not read");
        assertThat(read.members().get(0).member().capture().page()).isEqualTo(new WaczPage("p1", "Story A", "2024-05-01T12:00:00Z"));
    }

    @Test
    void aZipWithoutAPackageDescriptionSaysItIsNoWacz() throws IOException {
        Path file = tmp.resolve("plain.wacz");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.putArchiveEntry(new ZipArchiveEntry("readme.txt"));
            zip.closeArchiveEntry();
        }
        ReadMembers read = read(file);
        assertThat(read.members()).isEmpty();
        assertThat(read.warnings()).contains("no datapackage.json: not a WACZ, or an incomplete one", "no pages/pages.jsonl: the WACZ lists no pages");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
