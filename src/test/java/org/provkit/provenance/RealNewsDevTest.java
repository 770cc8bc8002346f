package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.Json;

/**
 * The 40 real news pages of the shared development set (src/test/resources/realnews-dev: the pages gzipped,
 * byte-identical once unpacked, their answers and the annotation contract), scored as {@code score.py} scores
 * them: at least 95 % must be fully right (language, chain, canonical URL, lead-image credit).
 */
class RealNewsDevTest {

    @TempDir
    Path dir;

    @Test
    void atLeastNinetyFivePercentOfTheDevelopmentPagesAreFullyRight() throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/realnews-dev/expected.json")) {
            expected = Json.mapper().readTree(in);
        }
        List<String> misses = new ArrayList<>();
        int right = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> page = it.next();
            Path html = dir.resolve(page.getKey());
            try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/realnews-dev/" + page.getKey() + ".gz"))) {
                Files.copy(in, html);
            }
            DocumentProvenance doc = Docs.analyze(Docs.tika(dir, html, "realnews-dev/" + page.getKey()));
            List<String> errors = RealNewsScore.check(doc, page.getValue());
            if (errors.isEmpty()) {
                right++;
            } else {
                misses.add(page.getKey() + ": " + String.join("; ", errors));
            }
        }
        int total = expected.size();
        assertThat(right * 100).as("%d/%d fully right; misses:%n%s", right, total, String.join("\n", misses)).isGreaterThanOrEqualTo(95 * total);
    }
}
