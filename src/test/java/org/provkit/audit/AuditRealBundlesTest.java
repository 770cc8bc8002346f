package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

/** Issue 6 end to end with real bundles and the real verifier: bundle, audit, damage, audit again, search. */
class AuditRealBundlesTest {

    @TempDir
    Path tmp;

    @Test
    void aCollectionOfRealBundlesAuditsSearchesAndCatchesDamage() throws Exception {
        Path archives = tmp.resolve("archives");
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        for (String name : new String[] {"en_afp_site.html", "es_pl_cubadebate.txt"}) {
            Files.copy(Path.of("src/test/resources/samples", name), samples.resolve(name));
        }
        Path unattributed = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(unattributed.resolve("note.txt"), "The committee met on Tuesday and approved the budget for next year.\n");
        for (Path source : new Path[] {TestFiles.seeds(), samples, unattributed}) {
            CliRun run = CliRun.inProcess("bundle", source.toString(), "-o", archives.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }

        CliRun audit = CliRun.inProcess("audit", archives.toString(), "--json");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        JsonNode report = Json.mapper().readTree(audit.out());
        assertThat(report.path("bundles")).hasSize(3).allMatch(b -> b.path("valid").asBoolean() && b.path("signed").asBoolean());
        assertThat(report.path("documents")).hasSize(4);
        assertThat(report.toString()).contains("UNATTRIBUTED").contains("plain/note.txt");
        long missing = 0;
        for (JsonNode finding : report.path("findings")) {
            if (finding.path("code").asText().equals("MISSING_ASSET")) {
                missing++;
            }
        }
        assertThat(missing).isEqualTo(3);
        JsonNode seed = null;
        for (JsonNode doc : report.path("documents")) {
            if (doc.path("path").asText().startsWith("seeds/")) {
                seed = doc;
            }
        }
        assertThat(seed).isNotNull();
        assertThat(seed.path("attribution").path("chain").get(0).path("party").asText()).isEqualTo("Prensa Latina");
        assertThat(seed.path("attribution").path("chain").get(1).path("party").asText()).isEqualTo("Radio Habana Cuba");

        CliRun found = CliRun.inProcess("search", "Díaz-Canel", "--archives", archives.toString(), "--json");
        assertThat(found.exitCode()).isZero();
        assertThat(found.out()).contains("seeds/000_6aef5a1f1f04ad71.txt");
        CliRun none = CliRun.inProcess("search", "zeppelinxyz", "--archives", archives.toString(), "--json");
        assertThat(none.out()).doesNotContain("seeds/000_6aef5a1f1f04ad71.txt");

        Path victim;
        try (var list = Files.list(archives)) {
            victim = list.filter(p -> p.getFileName().toString().startsWith("seeds-")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        long offset;
        try (var tar = new org.apache.commons.compress.archivers.tar.TarFile(victim)) {
            var original = tar.getEntries().stream().filter(e -> e.getName().endsWith("data/originals/seeds/000_6aef5a1f1f04ad71.txt"))
                    .findFirst().orElseThrow();
            offset = original.getDataOffset() + original.getSize() / 2;
        }
        bytes[(int) offset] ^= 1;
        Files.write(victim, bytes);
        Files.setLastModifiedTime(victim, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        CliRun again = CliRun.inProcess("audit", archives.toString());
        assertThat(again.exitCode()).as(again.out()).isEqualTo(1);
        assertThat(again.out()).contains(victim.getFileName().toString()).contains("INTEGRITY");
    }
}
