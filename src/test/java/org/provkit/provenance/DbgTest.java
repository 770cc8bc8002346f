package org.provkit.provenance;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.Json;
class DbgTest {
    @TempDir Path dir;
    @Test void show() throws Exception {
        for (String t : System.getProperty("docs", "").split("~~")) {
            var p = Docs.analyze(Docs.text(dir, "docs/a.txt", t.replace("\\n", "\n")));
            System.out.println(Json.mapper().writeValueAsString(p.attribution()) + p.warnings());
        }
    }
}
