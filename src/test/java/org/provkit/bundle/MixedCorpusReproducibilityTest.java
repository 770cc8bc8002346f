package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.MixedCorpus;
import org.provkit.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15: with SOURCE_DATE_EPOCH, two runs over a mixed collection (text, HTML, PDF, DOCX, a JPEG with
 * EXIF, e-mail, 7z, encrypted 7z, zip) give the same bytes, unsigned: no temporary name, temporary path
 * or run time reaches a record, a warning, a manifest or bag-info.txt. Each run is its own JVM, a second
 * or more after the other, so Tika's temporary copies get other names and other times.
 */
class MixedCorpusReproducibilityTest {

    @TempDir
    Path tmp;

    @Test
    void twoRunsOverAMixedCollectionGiveTheSameBytes() throws Exception {
        Path sources = tmp.resolve("mixed");
        MixedCorpus.write(sources);
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1767225600");
        CliRun first = CliRun.child(tmp, env, "bundle", sources.toString(), "-o", "one", "--no-sign", "--no-progress");
        Thread.sleep(1100);
        CliRun second = CliRun.child(tmp, env, "bundle", sources.toString(), "-o", "two", "--no-sign", "--no-progress");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        Path a = BundleEndToEndTest.list(tmp.resolve("one")).get(0);
        Path b = BundleEndToEndTest.list(tmp.resolve("two")).get(0);

        Map<String, byte[]> entries = TestFiles.tarEntries(a);
        Map<String, byte[]> others = TestFiles.tarEntries(b);
        assertThat(others.keySet()).containsExactlyElementsOf(entries.keySet());
        entries.forEach((name, bytes) -> assertThat(new String(others.get(name), StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

        // The collection does exercise the formats that leaked: the photo's EXIF tags are recorded, the
        // locked 7z says why it has no text, and neither names Tika's temporary copy.
        String root = entries.keySet().iterator().next().split("/")[0];
        JsonNode photo = Json.mapper().readTree(entries.get(root + "/data/records/mixed/photo.jpg.json"));
        assertThat(photo.path("metadata").toString()).contains("EOS 5D").contains("Ana Pérez");
        JsonNode locked = Json.mapper().readTree(entries.get(root + "/data/records/mixed/locked.7z.json"));
        assertThat(locked.path("warnings").toString()).contains("password");
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            assertThat(new String(entry.getValue(), StandardCharsets.UTF_8)).as(entry.getKey())
                    .doesNotContain("apache-tika-").doesNotContain(tmp.toString()).doesNotContain(".provkit-tmp-");
        }
    }
}
