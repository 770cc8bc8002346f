package org.provkit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.provkit.ProvkitException;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bundle.BundleRequest;
import org.provkit.bundle.BundleResult;
import org.provkit.bundle.BundleService;
import org.provkit.bundle.ProgressListener;
import org.provkit.bundle.SourceFile;
import org.provkit.bundle.SourceScanner;
import org.provkit.sign.KeyFiles;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.Finding;
import org.provkit.verify.VerificationReport;
import org.provkit.verify.VerifyOptions;

/**
 * One shard's work on an executor. If its bundle already exists, verifies it (against the institution's
 * certificate when signed) and checks it still holds exactly the shard's files: then it is kept. Otherwise
 * fetches the sources, bundles them with provkit's own pipeline, and leaves the bundle under a name unique
 * to this task attempt. Only the driver moves it to its final name, for the one attempt Spark counted:
 * a retried, killed or speculative attempt never leaves a second or half bundle under a final name.
 */
public final class ShardTask {

    private final BundleSettings settings;
    private final HadoopFiles files;

    public ShardTask(BundleSettings settings, Configuration conf) {
        this.settings = settings;
        this.files = new HadoopFiles(conf);
    }

    public static Path finalPath(String output, String name, String extension) {
        return new Path(new Path(output, "bundles"), name + extension);
    }

    public static Path attemptsFolder(String output, String runId) {
        return new Path(new Path(new Path(output, "bundles"), "_attempts"), runId);
    }

    public BundleOutcome run(Shard shard, TaskContext context) throws IOException {
        String extension = settings.format().extension();
        Path target = finalPath(settings.output(), shard.name(), extension);
        java.nio.file.Path work = Files.createTempDirectory("provkit-shard-");
        try {
            String why = null;
            if (files.fs(target).exists(target)) {
                Existing existing = examine(shard, target, work);
                if (existing.problem() == null) {
                    return existing.outcome();
                }
                why = existing.problem();
            }
            Path attempt = new Path(attemptsFolder(settings.output(), settings.runId()),
                    "p" + context.partitionId() + "-a" + context.attemptNumber() + "-t" + context.taskAttemptId());
            BundleResult result = build(shard, attempt, work);
            Path written = new Path(attempt, shard.name() + extension);
            if (!HadoopFiles.isLocal(written)) {
                files.upload(result.bundle(), written);
            }
            pauseForTests(shard, context);
            long bytes = files.fs(written).getFileStatus(written).getLen();
            return new BundleOutcome(shard.index(), shard.name(),
                    why == null ? BundleOutcome.Status.BUILT : BundleOutcome.Status.REBUILT, written.toString(), bytes,
                    files.sha512(written), result.tagManifestSha512(), result.documents(), result.sourceBytes(),
                    result.payloadFiles(), result.signature() == null ? null : result.signature().signerSubject(), why);
        } finally {
            org.provkit.bundle.AtomicFiles.deleteRecursively(work);
        }
    }

    private BundleResult build(Shard shard, Path attempt, java.nio.file.Path work) throws IOException {
        List<SourceFile> sources = new ArrayList<>(shard.files().size());
        int i = 0;
        for (SourceEntry entry : shard.files()) {
            Path source = new Path(entry.uri());
            java.nio.file.Path local = files.localCopy(source, work.resolve("sources").resolve(Integer.toString(i++)));
            sources.add(new SourceFile(local, entry.recordedPath(), Files.size(local)));
        }
        java.nio.file.Path registry = settings.registry() == null ? null
                : files.localCopy(new Path(settings.registry()), work.resolve("registry"));
        java.nio.file.Path outputDir = HadoopFiles.isLocal(attempt) ? HadoopFiles.local(attempt) : work.resolve("out");
        BundleRequest request = new BundleRequest(List.of(), outputDir, shard.name(), settings.format(),
                settings.organization(), settings.archivist(),
                Optional.ofNullable(settings.signer()).map(JobSigner::signer), Instant.ofEpochSecond(settings.bagTime()),
                settings.reproducible(), registry, settings.threads());
        return new BundleService(ProgressListener.NONE).bundle(request, SourceScanner.of(sources));
    }

    /** An existing bundle: kept (problem null) or why it must be made again. */
    private record Existing(BundleOutcome outcome, String problem) {
    }

    private Existing examine(Shard shard, Path target, java.nio.file.Path work) throws IOException {
        java.nio.file.Path local = files.localCopy(target, work.resolve("existing"));
        java.nio.file.Path trust = null;
        if (settings.signer() != null) {
            trust = work.resolve("institution.pem");
            Files.write(trust, KeyFiles.toPem(settings.signer().institution()));
        }
        VerificationReport report;
        try {
            report = BagVerifier.verify(local, new VerifyOptions(trust, false, false));
        } catch (ProvkitException e) {
            return new Existing(null, "the existing bundle cannot be read (" + e.getMessage() + ")");
        }
        if (!report.valid()) {
            Finding first = report.errors().isEmpty() ? null : report.errors().get(0);
            return new Existing(null, "the existing bundle failed verification"
                    + (first == null ? "" : " (" + first.code() + " " + first.message() + ")"));
        }
        if (settings.signer() != null && !Boolean.TRUE.equals(report.trusted())) {
            return new Existing(null, "the existing bundle is not signed by a certificate of the institution");
        }
        BundleReader.Contents contents;
        try (InputStream in = Files.newInputStream(local)) {
            contents = BundleReader.read(in, BundleReader.isGzip(local.getFileName().toString()), false);
        }
        Map<String, Long> expected = new TreeMap<>();
        shard.files().forEach(f -> expected.put(f.recordedPath(), f.size()));
        if (!expected.equals(contents.originals())) {
            return new Existing(null, "the existing bundle no longer holds exactly the shard's files");
        }
        String tagManifestSha512 = HexFormat.of().formatHex(ChecksumAlgorithm.SHA512.newDigest().digest(contents.tagManifestSha512()));
        BundleOutcome kept = new BundleOutcome(shard.index(), shard.name(), BundleOutcome.Status.KEPT, null,
                Files.size(local), files.sha512(target), tagManifestSha512, shard.files().size(), shard.bytes(),
                report.payloadFiles(), report.signer(), null);
        return new Existing(kept, null);
    }

    /**
     * Tests only: the shard's first attempt, its bundle written, says so in {@code _test/} and waits to be
     * killed, as an executor lost at the worst moment would be.
     */
    private void pauseForTests(Shard shard, TaskContext context) throws IOException {
        if (settings.pauseShard() != shard.index() || context.attemptNumber() > 0) {
            return;
        }
        Path marker = new Path(new Path(settings.output(), "_test"), "paused-" + shard.index());
        FileSystem fs = files.fs(marker);
        try (var out = fs.create(marker, true)) {
            out.write(Long.toString(context.taskAttemptId()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("task killed while paused for a test", e);
        }
    }
}
