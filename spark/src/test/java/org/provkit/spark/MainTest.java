package org.provkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.provkit.ProvkitException;

/** The command line without a Spark session: help, version, usage errors, sizes. */
class MainTest {

    private static TestSpark.Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new TestSpark.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheJobsAndVersionNamesProvkitAndSpark() {
        TestSpark.Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("bundle", "inspect", "verify", "audit");
        TestSpark.Run version = run("--version");
        assertThat(version.out()).startsWith("provkit-spark 0.1.0 (Spark " + System.getProperty("provkit.spark.line"));
    }

    @Test
    void aWrongOptionIsExitTwoWithOneLineAndAHint() {
        TestSpark.Run run = run("bundle", "--output", "o", "--collection", "c", "--shard-sise", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--shard-sise").contains("Try 'provkit-spark bundle --help'");
        TestSpark.Run format = run("bundle", "--input", "x", "--output", "o", "--collection", "c", "--format", "zip", "--no-sign");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("provkit-spark: --format: the Spark jobs write tar or tar.gz");
        TestSpark.Run name = run("bundle", "--input", "x", "--output", "o", "--collection", "../c", "--no-sign");
        assertThat(name.exitCode()).isEqualTo(2);
    }

    @Test
    void sizesAreReadAsPeopleWriteThem() {
        assertThat(Sizes.parse("--shard-bytes", "2g")).isEqualTo(2L << 30);
        assertThat(Sizes.parse("--shard-bytes", "500MB")).isEqualTo(500L << 20);
        assertThat(Sizes.parse("--shard-bytes", "1.5GiB")).isEqualTo(3L << 29);
        assertThat(Sizes.parse("--shard-bytes", "4096")).isEqualTo(4096);
        assertThatThrownBy(() -> Sizes.parse("--shard-bytes", "lots")).isInstanceOf(ProvkitException.class)
                .hasMessageContaining("--shard-bytes: 'lots' is not a size");
        assertThatThrownBy(() -> Sizes.parse("--shard-bytes", "0")).isInstanceOf(ProvkitException.class);
    }
}
