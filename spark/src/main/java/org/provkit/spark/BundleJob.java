package org.provkit.spark;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.bundle.BundleFormat;
import org.provkit.bundle.BundleNames;
import org.provkit.sign.KeyPassword;
import org.provkit.sign.SigningKey;
import org.provkit.sign.SigningKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bundle}: sources on any Hadoop file system → one signed BagIt bundle per shard, an index of
 * documents and bundles (Parquet), and a signed collection manifest; {@code _SUCCESS} last.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bundle a collection: one signed BagIt bundle per shard (the same bytes, outside signature/, "
                + "as provkit bundle of the same files), index/documents and index/bundles as Parquet, a signed "
                + "collection manifest, then _SUCCESS.",
            "Run it again over the same sources to finish an interrupted run: bundles that exist and verify are kept."})
final class BundleJob implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*", description = "Folders or files (file:, hdfs:, s3a:, ...).")
    List<String> inputs;

    @Option(names = "--input-list", paramLabel = "FILE", description = "A file of inputs, one a line.")
    List<String> inputLists;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Output folder (any Hadoop URI).")
    String output;

    @Option(names = "--collection", paramLabel = "NAME", required = true, description = "Collection name: bundles are NAME-00001, ...")
    String collection;

    @Option(names = "--shard-size", paramLabel = "N", defaultValue = "500", description = "Most documents in a bundle (default: ${DEFAULT-VALUE}).")
    int shardSize;

    @Option(names = "--shard-bytes", paramLabel = "SIZE", defaultValue = "2g", description = "Most source bytes in a bundle (default: ${DEFAULT-VALUE}).")
    String shardBytes;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tar", description = "tar (default) or tar.gz: formats read as a stream.")
    String format;

    @Option(names = "--organization", paramLabel = "NAME", description = "Source-Organization recorded in bag-info.txt.")
    String organization;

    @Option(names = "--archivist", paramLabel = "NAME", description = "On whose behalf (PROV; default: the Spark user).")
    String archivist;

    @Option(names = "--registry", paramLabel = "FILE", description = "Extra party registry (JSON, any Hadoop URI).")
    String registry;

    @Option(names = "--threads", paramLabel = "N", description = "Extraction threads per task (default: spark.task.cpus).")
    Integer threads;

    @Option(names = "--key", paramLabel = "FILE", description = "The institution's private key (PEM or PKCS#12), read on the driver only.")
    Path key;

    @Option(names = "--cert", paramLabel = "FILE", description = "Its certificate chain (PEM), a CA that may issue the job certificate.")
    Path cert;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the key's password (or PROVKIT_KEY_PASSWORD).")
    Path passwordFile;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamping authority for every signature.")
    URI tsa;

    @Option(names = "--job-certificate-days", paramLabel = "DAYS", defaultValue = "7",
            description = "With --tsa, how long the job certificate is valid (default: ${DEFAULT-VALUE}); without, as long as the institution's.")
    int jobCertificateDays;

    @Option(names = "--no-sign", description = "Unsigned bundles and collection manifest.")
    boolean noSign;

    @Option(names = "--source-date-epoch", paramLabel = "SECONDS",
            description = "Bagging time, for bundles identical to provkit bundle's (default: $SOURCE_DATE_EPOCH, else now).")
    Long sourceDateEpoch;

    @Option(names = "--test-pause-shard", hidden = true, defaultValue = "0")
    int pauseShard;

    private final PrintStream out;
    private final PrintStream err;

    BundleJob(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        BundleFormat bundleFormat = format();
        BundleNames.check(collection);
        if (shardSize < 1) {
            throw ProvkitException.usage("--shard-size must be at least 1");
        }
        long maxBytes = Sizes.parse("--shard-bytes", shardBytes);
        Optional<SigningKey> institution = institutionKey();

        SparkSession spark = Sessions.get("provkit bundle " + collection);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SourceLister lister = new SourceLister(conf);
        SourceLister.Listing listing = lister.list(lister.inputs(inputs, inputLists));
        listing.notes().forEach(note -> err.println("note: " + note));
        if (listing.files().isEmpty()) {
            throw new ProvkitException(ExitCode.UNREADABLE, "no files to bundle in the inputs");
        }
        List<Shard> shards = Sharder.cut(collection, listing.files(), shardSize, maxBytes);

        org.apache.hadoop.fs.Path given = new org.apache.hadoop.fs.Path(output);
        FileSystem fs = given.getFileSystem(conf);
        org.apache.hadoop.fs.Path out = fs.makeQualified(given);
        PrintStream report = this.out;
        fs.mkdirs(out);
        fs.delete(new org.apache.hadoop.fs.Path(out, "_SUCCESS"), false);
        // Attempts of earlier runs are leftovers of tasks that died or were never promoted.
        fs.delete(new org.apache.hadoop.fs.Path(out, "bundles/_attempts"), true);

        Instant now = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now)
                + "-" + spark.sparkContext().applicationId().replaceAll("[^A-Za-z0-9]", "");
        JobSigner signer = institution.map(k -> JobCertificates.issue(k, collection + " " + runId, now,
                Duration.ofDays(jobCertificateDays), tsa == null ? null : tsa.toString())).orElse(null);
        BundleEpoch epoch = sourceDateEpoch != null ? new BundleEpoch(sourceDateEpoch, true) : BundleEpoch.fromEnvironment(now);
        BundleSettings settings = new BundleSettings(out.toString(), collection, runId, bundleFormat, organization,
                archivist != null ? archivist : spark.sparkContext().sparkUser(), epoch.seconds(), epoch.fixed(),
                registry, threads != null ? Math.max(1, threads) : spark.sparkContext().getConf().getInt("spark.task.cpus", 1),
                signer, pauseShard);
        err.println("provkit: " + listing.files().size() + " files in " + shards.size() + " shards"
                + (signer == null ? ", unsigned" : ", signed by job certificate '" + signer.chain().get(0).getSubjectX500Principal().getName() + "'"));

        Map<Integer, BundleOutcome> outcomes = ShardRunner.run(spark, jsc, conf, shards, settings, fs);
        // Every attempt that counted was promoted; what is left are the losers of retries and speculation.
        fs.delete(ShardTask.attemptsFolder(out.toString(), runId).getParent(), true);

        List<BundleOutcome> ordered = new ArrayList<>(new TreeMap<>(outcomes).values());
        CollectionWriter writer = new CollectionWriter(collection);
        long documents = writer.writeIndexes(spark, jsc, conf, out, shards, outcomes, bundleFormat);
        writer.writeCollection(conf, out, ordered, signer, bundleFormat);
        try (var success = fs.create(new org.apache.hadoop.fs.Path(out, "_SUCCESS"), true)) {
            success.write(new byte[0]);
        }
        long built = ordered.stream().filter(o -> o.status() == BundleOutcome.Status.BUILT).count();
        long kept = ordered.stream().filter(o -> o.status() == BundleOutcome.Status.KEPT).count();
        long rebuilt = ordered.stream().filter(o -> o.status() == BundleOutcome.Status.REBUILT).count();
        ordered.stream().filter(o -> o.note() != null).forEach(o -> err.println("note: " + o.name() + ": " + o.note() + "; written again"));
        report.println("Collection " + collection + ": " + ordered.size() + " bundles (" + built + " built, " + kept
                + " kept, " + rebuilt + " rebuilt), " + documents + " documents in " + out);
        return ExitCode.OK;
    }

    private BundleFormat format() {
        BundleFormat parsed;
        try {
            parsed = BundleFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw ProvkitException.usage("--format: " + e.getMessage());
        }
        if (parsed != BundleFormat.TAR && parsed != BundleFormat.TAR_GZ) {
            throw ProvkitException.usage("--format: the Spark jobs write tar or tar.gz, which are read back as a stream "
                    + "from any file system; zip and dir need a local copy");
        }
        return parsed;
    }

    private Optional<SigningKey> institutionKey() {
        if (noSign) {
            if (key != null || cert != null || tsa != null || passwordFile != null) {
                throw ProvkitException.usage("--no-sign cannot be combined with --key, --cert, --password-file or --tsa");
            }
            return Optional.empty();
        }
        if (key == null) {
            throw ProvkitException.usage("--key is required (the institution's signing CA key), or --no-sign");
        }
        SigningKey loaded = SigningKeys.load(key, cert, KeyPassword.resolve(passwordFile, System.getenv()));
        JobCertificates.requireIssuer(loaded.certificate());
        return Optional.of(loaded);
    }

    /** The bagging time: SOURCE_DATE_EPOCH when set, as for {@code provkit bundle}; else the job's start. */
    record BundleEpoch(long seconds, boolean fixed) {
        static BundleEpoch fromEnvironment(Instant now) {
            String value = System.getenv("SOURCE_DATE_EPOCH");
            if (value == null || value.isBlank()) {
                return new BundleEpoch(now.truncatedTo(ChronoUnit.SECONDS).getEpochSecond(), false);
            }
            try {
                return new BundleEpoch(Long.parseLong(value.strip()), true);
            } catch (NumberFormatException e) {
                throw ProvkitException.usage("SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds since 1970");
            }
        }
    }
}
