package org.provkit.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for every test in the JVM: two cores, a failed task tried up to three times. */
final class TestSpark {

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        return SparkSession.builder().master("local[2,3]").appName("provkit-spark tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** A job's exit code and what it printed. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
