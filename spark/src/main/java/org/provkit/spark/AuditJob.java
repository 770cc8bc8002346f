package org.provkit.spark;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.bundle.AtomicFiles;
import org.provkit.catalog.BundleContentReader;
import org.provkit.catalog.BundleContents;
import org.provkit.catalog.BundleFile;
import org.provkit.catalog.BundleFormat;
import org.provkit.catalog.FindingRules;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.VerificationReport;
import org.provkit.verify.VerifyOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit}: every bundle verified and read as {@code provkit audit} reads it, the catalog's tables
 * written as Parquet under OUTPUT ({@code bundles/}, {@code documents/}, {@code hops/}, {@code credits/},
 * {@code missing_assets/}, {@code findings/}). Exit 1 when a bundle fails integrity, as provkit audit.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The audit catalog's tables as Parquet: bundles, documents, hops, credits, missing_assets, findings.")
final class AuditJob implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true, description = "Bundles or folders of bundles.")
    List<String> inputs;

    @Option(names = "--trust", paramLabel = "CERT", description = "Certificate(s) (PEM) the signatures must chain to.")
    String trust;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Folder of the tables (each replaced).")
    String output;

    private final PrintStream out;
    private final PrintStream err;

    AuditJob(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        SparkSession spark = Sessions.get("provkit audit");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<SourceEntry> bundles = BundleListing.list(conf, inputs);
        byte[] trustPem = trust == null ? null : BundleListing.read(conf, trust);
        JavaRDD<AuditedBundle> audited = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(bundles, Math.max(1, bundles.size()))
                .map(new AuditOne(trustPem, new SerializableConfiguration(conf)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long invalid = 0;
        for (AuditedBundle.Table table : AuditedBundle.Table.values()) {
            Dataset<Row> rows = spark.createDataFrame(audited.flatMap(b -> b.rows(table).iterator()), AuditedBundle.schema(table));
            rows.write().mode("overwrite").parquet(new org.apache.hadoop.fs.Path(output, table.folder).toString());
            if (table == AuditedBundle.Table.BUNDLES) {
                invalid = rows.filter("NOT valid").count();
            }
        }
        long documents = audited.map(b -> (long) b.documents().size()).fold(0L, Long::sum);
        audited.unpersist(false);
        out.println("Audit of " + bundles.size() + " bundle(s), " + documents + " documents: " + invalid
                + " invalid; tables in " + output);
        if (invalid > 0) {
            err.println("provkit-spark: " + invalid + " bundle(s) failed integrity (see " + output + "/findings)");
        }
        return invalid == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    /** One bundle on an executor: verified, its records read, the catalog's finding rules applied. */
    static final class AuditOne implements Function<SourceEntry, AuditedBundle>, Serializable {
        private final byte[] trustPem;
        private final SerializableConfiguration conf;

        AuditOne(byte[] trustPem, SerializableConfiguration conf) {
            this.trustPem = trustPem;
            this.conf = conf;
        }

        @Override
        public AuditedBundle call(SourceEntry bundle) throws Exception {
            java.nio.file.Path work = Files.createTempDirectory("provkit-audit-");
            try {
                java.nio.file.Path trustFile = trustPem == null ? null : Files.write(work.resolve("trust.pem"), trustPem);
                java.nio.file.Path local = new HadoopFiles(conf.value())
                        .localCopy(new org.apache.hadoop.fs.Path(bundle.uri()), work.resolve("bundle"));
                VerificationReport report;
                try {
                    report = BagVerifier.verify(local, new VerifyOptions(trustFile, false, false));
                } catch (ProvkitException e) {
                    report = new VerificationReport(bundle.uri(), false, false, false, null, null, null,
                            List.of(new org.provkit.verify.Finding("E_UNREADABLE", org.provkit.verify.Severity.ERROR, "", e.getMessage())), 0, 0);
                }
                BundleFormat format = BundleFormat.of(local).orElse(BundleFormat.TAR);
                BundleContents contents = BundleContentReader.read(
                        new BundleFile(bundle.fileName(), local, format, Files.size(local), 0L));
                return AuditedBundle.of(bundle, report, contents, FindingRules.forBundle(bundle.fileName(), report, trustPem != null, contents));
            } finally {
                AtomicFiles.deleteRecursively(work);
            }
        }
    }
}
