package org.provkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect, verify and audit in local mode, their Parquet read back by DuckDB. */
class ReadJobsTest {

    @TempDir
    static Path tmp;
    static Path corpus;
    static TestKeys keys;
    static Path bundles;

    @BeforeAll
    static void bundled() throws Exception {
        corpus = Corpus.write(tmp.resolve("in"));
        keys = TestKeys.institution(Files.createDirectories(tmp.resolve("keys")), true);
        TestSpark.Run run = TestSpark.run("bundle", "--input", corpus.toString(), "--output", tmp.resolve("out").toString(),
                "--collection", "read", "--shard-size", "10", "--key", keys.key().toString(), "--cert", keys.cert().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        bundles = tmp.resolve("out/bundles");
    }

    @Test
    void inspectWritesOneRowPerDocument() throws Exception {
        Path out = tmp.resolve("inspect");
        TestSpark.Run run = TestSpark.run("inspect", "--input", corpus.toString(), "--output", out.toString(), "--group-size", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String rows = Bundles.parquet(out);
        assertThat(Bundles.count("SELECT count(*) FROM " + rows)).isEqualTo(Corpus.documents(corpus));
        assertThat(Bundles.duckdb("SELECT publisher || ' from ' || origin || ', ' || language || ', ' || missing_assets FROM " + rows
                + " WHERE path = 'corpus/seed.txt'")).isEqualTo("Radio Habana Cuba from Prensa Latina, fr, 1");
        assertThat(Bundles.duckdb("SELECT media_type FROM " + rows + " WHERE path = 'corpus/report.pdf'")).isEqualTo("application/pdf");
        assertThat(Bundles.count("SELECT bytes FROM " + rows + " WHERE path = 'corpus/empty.txt'")).isZero();
        // the same record as bundle's index
        assertThat(Bundles.duckdb("SELECT count(*) FROM " + rows + " i JOIN " + Bundles.parquet(tmp.resolve("out/index/documents"))
                + " d USING (path) WHERE i.sha256 = d.sha256 AND i.chain = d.chain AND i.title IS NOT DISTINCT FROM d.title"))
                .asString().isEqualTo(Long.toString(Corpus.documents(corpus)));
    }

    @Test
    void verifyWritesOneRowPerBundleAndFailsOnADamagedOne() throws Exception {
        Path out = tmp.resolve("verify");
        TestSpark.Run run = TestSpark.run("verify", "--input", bundles.toString(), "--trust", keys.cert().toString(),
                "--output", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out) + " WHERE verdict = 'valid' AND trusted")).isEqualTo(2L);

        Path copies = Files.createDirectories(tmp.resolve("damaged"));
        Path good = Files.copy(bundles.resolve("read-00001.tar"), copies.resolve("read-00001.tar"));
        byte[] bytes = Files.readAllBytes(bundles.resolve("read-00002.tar"));
        bytes[1024] ^= 1;
        Files.write(copies.resolve("read-00002.tar"), bytes);
        Files.writeString(copies.resolve("not-a-bundle.tar"), "plain text");
        run = TestSpark.run("verify", "--input", copies.toString(), "--trust", keys.cert().toString(), "--output", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("2 bundle(s) failed verification");
        String rows = Bundles.parquet(out);
        assertThat(Bundles.duckdb("SELECT verdict || ' ' || array_to_string(finding_codes, ',') FROM " + rows
                + " WHERE name = 'read-00002.tar'")).asString().startsWith("invalid E_");
        assertThat(Bundles.duckdb("SELECT verdict FROM " + rows + " WHERE name = 'not-a-bundle.tar'")).isEqualTo("unreadable");
        assertThat(Bundles.duckdb("SELECT signer FROM " + rows + " WHERE name = 'read-00001.tar'")).asString().contains("provkit job read");
        assertThat(good).exists();
    }

    @Test
    void auditWritesTheCatalogTables() throws Exception {
        Path out = tmp.resolve("audit");
        TestSpark.Run run = TestSpark.run("audit", "--input", bundles.toString(), "--trust", keys.cert().toString(),
                "--output", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("bundles")) + " WHERE valid AND trusted")).isEqualTo(2L);
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("documents")))).isEqualTo(Corpus.documents(corpus));
        assertThat(Bundles.duckdb("SELECT string_agg(party, ' > ' ORDER BY position) FROM " + Bundles.parquet(out.resolve("hops"))
                + " WHERE path = 'corpus/seed.txt'")).isEqualTo("Prensa Latina > Radio Habana Cuba");
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("credits")) + " WHERE party = 'Prensa Latina'"))
                .isPositive();
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("missing_assets"))
                + " WHERE marker = 'Image not found or type unknown'")).isEqualTo(1L);
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("findings")) + " WHERE code = 'MISSING_ASSET'"))
                .isPositive();
    }
}
