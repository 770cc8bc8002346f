package org.provkit.spark;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.bundle.AtomicFiles;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.VerifyOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify}: provkit's verifier on every bundle, one Parquet row per bundle; exit 1 when any fails. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Verify every bundle (integrity, completeness, signature, trust, timestamp): one Parquet row per bundle.")
final class VerifyJob implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true, description = "Bundles or folders of bundles.")
    List<String> inputs;

    @Option(names = "--trust", paramLabel = "CERT", description = "Certificate(s) (PEM) the signatures must chain to.")
    String trust;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where the Parquet files go (replaced).")
    String output;

    private final PrintStream out;
    private final PrintStream err;

    VerifyJob(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        SparkSession spark = Sessions.get("provkit verify");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<SourceEntry> bundles = BundleListing.list(conf, inputs);
        byte[] trustPem = trust == null ? null : BundleListing.read(conf, trust);
        Dataset<Row> rows = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(bundles, Math.max(1, bundles.size()))
                .flatMap(new VerifyOne(trustPem, new SerializableConfiguration(conf))), VerifyRows.schema()).cache();
        rows.write().mode("overwrite").parquet(output);
        long bad = rows.filter("verdict <> 'valid'").count();
        rows.unpersist();
        out.println(bundles.size() + " bundle(s): " + (bundles.size() - bad) + " valid, " + bad + " invalid or unreadable; "
                + "rows in " + output);
        if (bad > 0) {
            err.println("provkit-spark: " + bad + " bundle(s) failed verification (see " + output + ")");
        }
        return bad == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    /** One bundle on an executor: read in place, or from a local copy. */
    static final class VerifyOne implements FlatMapFunction<SourceEntry, Row>, Serializable {
        private final byte[] trustPem;
        private final SerializableConfiguration conf;

        VerifyOne(byte[] trustPem, SerializableConfiguration conf) {
            this.trustPem = trustPem;
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(SourceEntry bundle) throws Exception {
            java.nio.file.Path work = Files.createTempDirectory("provkit-verify-");
            try {
                java.nio.file.Path trustFile = null;
                if (trustPem != null) {
                    trustFile = Files.write(work.resolve("trust.pem"), trustPem);
                }
                java.nio.file.Path local = new HadoopFiles(conf.value())
                        .localCopy(new org.apache.hadoop.fs.Path(bundle.uri()), work.resolve("bundle"));
                try {
                    return List.of(VerifyRows.row(bundle, BagVerifier.verify(local, new VerifyOptions(trustFile, false, false)))).iterator();
                } catch (ProvkitException e) {
                    return List.of(VerifyRows.unreadable(bundle, e.getMessage())).iterator();
                }
            } finally {
                AtomicFiles.deleteRecursively(work);
            }
        }
    }
}
