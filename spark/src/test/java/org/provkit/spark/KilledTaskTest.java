package org.provkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.VerifyOptions;

/**
 * A task killed after it wrote its bundle (an executor lost at the worst moment): Spark runs the shard
 * again, and the output holds exactly one whole bundle per shard, nothing under an attempt name.
 */
class KilledTaskTest {

    @TempDir
    Path tmp;

    @Test
    void aTaskKilledAfterWritingItsBundleLeavesNoDuplicateNorHalfBundle() throws Exception {
        Path corpus = Corpus.write(tmp.resolve("in"));
        TestKeys keys = TestKeys.institution(Files.createDirectories(tmp.resolve("keys")), true);
        Path out = tmp.resolve("out");
        Path marker = out.resolve("_test/paused-2");
        AtomicLong killed = new AtomicLong(-1);
        List<String> ends = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var spark = TestSpark.session();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                ends.add(end.taskInfo().taskId() + ":" + end.reason().getClass().getSimpleName());
            }
        };
        spark.sparkContext().addSparkListener(listener);
        Thread killer = new Thread(() -> {
            try {
                while (!Files.exists(marker) || Files.size(marker) == 0) {
                    Thread.sleep(50);
                }
                long task = Long.parseLong(Files.readString(marker).strip());
                killed.set(task);
                spark.sparkContext().killTaskAttempt(task, true, "test: the executor is lost");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.setDaemon(true);
        killer.start();
        try {
            TestSpark.Run run = TestSpark.run("bundle", "--input", corpus.toString(), "--output", out.toString(),
                    "--collection", "col", "--shard-size", "6", "--key", keys.key().toString(), "--cert", keys.cert().toString(),
                    "--test-pause-shard", "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        killer.join(10_000);
        assertThat(killed.get()).as("the paused attempt was killed").isGreaterThanOrEqualTo(0);
        assertThat(ends).contains(killed.get() + ":TaskKilled");

        try (var files = Files.walk(out.resolve("bundles"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.resolve("bundles").relativize(p).toString()).sorted().toList())
                    .containsExactly("col-00001.tar", "col-00002.tar", "col-00003.tar", "col-00004.tar");
        }
        for (Path tar : Bundles.tars(out.resolve("bundles"))) {
            assertThat(BagVerifier.verify(tar, new VerifyOptions(keys.cert(), false, false)).valid()).as(tar.toString()).isTrue();
        }
        assertThat(Bundles.count("SELECT count(*) FROM " + Bundles.parquet(out.resolve("index/documents"))))
                .isEqualTo(Corpus.documents(corpus));
        assertThat(Files.readAllLines(out.resolve("collection/manifest-sha512.txt"))).hasSize(5);
    }
}
