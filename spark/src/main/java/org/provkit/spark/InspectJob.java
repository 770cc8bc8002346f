package org.provkit.spark;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.bundle.AtomicFiles;
import org.provkit.bundle.Inspector;
import org.provkit.bundle.SourceFile;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inspect}: what {@code bundle} would record for each document, one Parquet row per document,
 * without packing. Files are grouped as {@code bundle} groups them (a page with its assets), so that a
 * document's missing assets are judged among the same neighbours.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "One Parquet row per document: path, sha256, bytes, media type, language, title, canonical URL, "
                + "chain parties in order, publisher, credits, missing-asset count, warnings.")
final class InspectJob implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*", description = "Folders or files (any Hadoop URI).")
    List<String> inputs;

    @Option(names = "--input-list", paramLabel = "FILE", description = "A file of inputs, one a line.")
    List<String> inputLists;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where the Parquet files go (replaced).")
    String output;

    @Option(names = "--registry", paramLabel = "FILE", description = "Extra party registry (JSON, any Hadoop URI).")
    String registry;

    @Option(names = "--group-size", paramLabel = "N", defaultValue = "500", description = "Documents per task (default: ${DEFAULT-VALUE}).")
    int groupSize;

    private final PrintStream out;
    private final PrintStream err;

    InspectJob(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (groupSize < 1) {
            throw ProvkitException.usage("--group-size must be at least 1");
        }
        SparkSession spark = Sessions.get("provkit inspect");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SourceLister lister = new SourceLister(conf);
        SourceLister.Listing listing = lister.list(lister.inputs(inputs, inputLists));
        listing.notes().forEach(note -> err.println("note: " + note));
        if (listing.files().isEmpty()) {
            throw new ProvkitException(ExitCode.UNREADABLE, "no files to inspect in the inputs");
        }
        List<Shard> groups = Sharder.cut("inspect", listing.files(), groupSize, Long.MAX_VALUE);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(groups, groups.size())
                .flatMap(new InspectGroup(registry, new SerializableConfiguration(conf)));
        spark.createDataFrame(rows, DocumentRows.inspectSchema()).write().mode("overwrite").parquet(output);
        out.println("Inspected " + listing.files().size() + " documents into " + output);
        return ExitCode.OK;
    }

    /** One group of files on an executor: fetched, inspected by provkit's own pipeline. */
    static final class InspectGroup implements FlatMapFunction<Shard, Row>, Serializable {
        private final String registry;
        private final SerializableConfiguration conf;

        InspectGroup(String registry, SerializableConfiguration conf) {
            this.registry = registry;
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(Shard group) throws Exception {
            HadoopFiles files = new HadoopFiles(conf.value());
            java.nio.file.Path work = Files.createTempDirectory("provkit-inspect-");
            try {
                List<SourceFile> sources = new ArrayList<>();
                int i = 0;
                for (SourceEntry entry : group.files()) {
                    java.nio.file.Path local = files.localCopy(new org.apache.hadoop.fs.Path(entry.uri()),
                            work.resolve("sources").resolve(Integer.toString(i++)));
                    sources.add(new SourceFile(local, entry.recordedPath(), Files.size(local)));
                }
                java.nio.file.Path registryFile = registry == null ? null
                        : files.localCopy(new org.apache.hadoop.fs.Path(registry), work.resolve("registry"));
                List<Row> rows = new ArrayList<>();
                try (Inspector inspector = new Inspector(registryFile)) {
                    List<ObjectNode> records = inspector.inspectFiles(sources);
                    for (int k = 0; k < records.size(); k++) {
                        rows.add(DocumentRows.inspectRow(records.get(k), group.files().get(k).uri()));
                    }
                }
                return rows.iterator();
            } finally {
                AtomicFiles.deleteRecursively(work);
            }
        }
    }
}
