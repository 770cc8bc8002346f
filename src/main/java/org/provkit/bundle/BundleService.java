package org.provkit.bundle;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.provkit.ExitCode;
import org.provkit.Interruption;
import org.provkit.Json;
import org.provkit.ProvkitException;
import org.provkit.ProvkitVersion;
import org.provkit.bag.BagInfo;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bag.DigestWarmUp;
import org.provkit.container.CaptureIndex;
import org.provkit.container.ContainerFormat;
import org.provkit.container.ContainerLimits;
import org.provkit.extract.ChildMemory;
import org.provkit.extract.DigestingInputStream;
import org.provkit.extract.FileDigests;
import org.provkit.extract.ForkedExtractor;
import org.provkit.extract.RoutingExtractor;
import org.provkit.provenance.BundleActivity;
import org.provkit.provenance.ProvDocumentEntry;
import org.provkit.provenance.ProvJsonWriter;
import org.provkit.provenance.ProvenanceAnalyzer;
import org.provkit.sign.SignatureFiles;

/**
 * The bundling pipeline: sources → (extraction and attribution on a pool, each source read once while
 * its checksums are computed) → records and PROV graph → tag files → signature → one archive written
 * under a temporary name, synced, then renamed.
 *
 * <p>Entry order: the payload sorted by path, then the tag files, then the signature. Each original is
 * packed as soon as it is extracted (and those before it), while the pool extracts the next ones, so
 * packing overlaps extraction instead of following it. A verifier reading the archive as a stream hashes
 * the payload with SHA-256 and SHA-512 as it passes (the algorithms of provkit's manifests) and compares
 * when the manifests arrive: still one pass.
 */
public final class BundleService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final ProgressListener progress;

    public BundleService(ProgressListener progress) {
        this.progress = progress;
    }

    public BundleResult bundle(BundleRequest request) throws IOException {
        warmUp();
        return bundleScanned(request, SourceScanner.scan(request.sources(), request.outputDir()));
    }

    /**
     * Bundles files listed by the caller, each with the path the bundle records for it ({@link
     * SourceScanner#of}), exactly as {@link #bundle(BundleRequest)} bundles what it scans: for a program
     * that finds and fetches its sources itself (the Spark jobs, from any Hadoop file system). The
     * request must name the bundle.
     */
    public BundleResult bundle(BundleRequest request, SourceScanner.Result scan) throws IOException {
        if (request.name() == null) {
            throw new IllegalArgumentException("a bundle of listed files needs a name");
        }
        warmUp();
        return bundleScanned(request, scan);
    }

    /** Language profiles load and the digest code compiles while the sources are listed and opened. */
    private static void warmUp() {
        ProvenanceAnalyzer.preload();
        DigestWarmUp.start(EnumSet.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512));
    }

    private BundleResult bundleScanned(BundleRequest request, SourceScanner.Result scan) throws IOException {
        if (scan.files().isEmpty()) {
            throw new ProvkitException(ExitCode.UNREADABLE, "no files to bundle in " + request.sources()
                    + (scan.notes().isEmpty() ? "" : " (" + scan.notes().get(0).path() + ": " + scan.notes().get(0).message()
                            + (scan.notes().size() > 1 ? "; and " + (scan.notes().size() - 1) + " more notes" : "") + ")"));
        }
        Path outputDir = request.outputDir().toAbsolutePath().normalize();
        Files.createDirectories(outputDir);
        AtomicFiles.removeLeftovers(outputDir);
        Path staging = AtomicFiles.tempSibling(outputDir, "staging");
        try (Interruption.Registration cleanUp = Interruption.onInterrupt("no bundle was written; its temporary files in "
                + outputDir + " were removed", () -> AtomicFiles.removeOwn(outputDir))) {
            Files.createDirectory(staging);
            return bundle(request, scan, outputDir, staging);
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }

    private BundleResult bundle(BundleRequest request, SourceScanner.Result scan, Path outputDir, Path staging)
            throws IOException {
        Instant started = request.reproducible() ? request.bagTime() : Instant.now();
        List<SourceFile> files = new ArrayList<>(copyRawNamed(scan.files(), staging));
        // Packing order: the originals sorted by their place in the bag, as the tar lists them.
        files.sort(java.util.Comparator.comparing((SourceFile f) -> BagPaths.original(f.bagName())));
        String name = request.name() != null ? request.name() : defaultName(request.sources().get(0), request.bagTime(), files);
        BundleNames.check(name);
        Path target = outputDir.resolve(name + request.format().extension());
        try (BundleLock lock = BundleLock.acquire(outputDir, target.getFileName().toString());
                Interruption.Registration unlock = Interruption.onInterrupt(null, () -> deleteQuietly(lock.file()))) {
            if (Files.exists(target)) {
                throw new ProvkitException(ExitCode.USAGE, target + " already exists: a bundle is never overwritten (choose --name)");
            }
            return bundleLocked(request, scan, staging, files, name, target, started);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next run of the same name takes the lock file over
        }
    }

    private BundleResult bundleLocked(BundleRequest request, SourceScanner.Result scan, Path staging, List<SourceFile> files,
            String name, Path target, Instant started) throws IOException {
        Path outputDir = target.getParent();
        Path temp = AtomicFiles.tempSibling(outputDir, name + request.format().extension());
        BundleActivity activity = new BundleActivity(name, started, null, ProvkitVersion.agent(),
                request.archivist(), request.organization());
        try (BagSink sink = openSink(request.format(), temp, target, name, request.bagTime());
                PayloadManifests manifests = new PayloadManifests(staging);
                ProvJsonWriter.Incremental prov = ProvJsonWriter.open(activity, staging)) {
            int documentCount;
            long sourceBytes;
            List<DocumentWarning> warnings;
            Set<String> externalIdentifiers;
            // Each original is packed as soon as it and those before it are extracted, while the pool
            // works on the next ones; the small staged files follow, then the tag files and signature.
            // The manifests and the PROV graph are written as the payload is packed, in the same (sorted)
            // order, which is the order the graph wants its documents in.
            try (Leftovers left = new Leftovers(staging)) {
                extractAll(request, files, staging, sink, manifests, prov, left);
                Instant ended = request.reproducible() ? request.bagTime() : Instant.now();
                Path provFile = staging.resolve("provenance.json");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(provFile, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                    prov.finish(ended, out);
                }
                left.staged.add(stagedEntry(provFile, BagPaths.PROVENANCE));
                pack(sink, manifests, left.staged, "packing");
                documentCount = left.documents;
                sourceBytes = left.sourceBytes;
                warnings = left.warnings;
                externalIdentifiers = new LinkedHashSet<>();
                for (int i = 0; i < left.identifiers.size(); i++) {
                    externalIdentifiers.add(left.identifiers.get(i));
                }
            }
            manifests.close();

            BagInfo bagInfo = bagInfo(request, manifests.files(), manifests.bytes(), externalIdentifiers, documentCount);
            List<TagFiles.TagFile> tagFiles = TagFiles.build(manifests, bagInfo);
            byte[] tagManifest = tagFiles.stream().filter(t -> t.name().equals(ChecksumAlgorithm.SHA512.tagManifestName()))
                    .findFirst().orElseThrow().bytes();
            SignatureFiles signature = request.signer().isPresent() ? request.signer().get().sign(tagManifest) : null;
            for (TagFiles.TagFile tag : tagFiles) {
                sink.add(tag.name(), tag.size(), out -> {
                    if (tag.bytes() != null) {
                        out.write(tag.bytes());
                    } else {
                        Files.copy(tag.file(), out);
                    }
                });
            }
            if (signature != null) {
                for (Map.Entry<String, byte[]> file : signature.files().entrySet()) {
                    byte[] bytes = file.getValue();
                    sink.add(BagPaths.SIGNATURE_FOLDER + file.getKey(), bytes.length, out -> out.write(bytes));
                }
            }
            Path written = sink.commit();
            return new BundleResult(written, name, request.format(), documentCount, sourceBytes, manifests.bytes(),
                    (int) manifests.files(), java.util.Collections.unmodifiableList(warnings), scan.notes(), signature,
                    HexFormat.of().formatHex(ChecksumAlgorithm.SHA512.newDigest().digest(tagManifest)));
        }
    }

    /**
     * What the rest of the run needs of a document once its text and record are staged: its payload
     * entries, its PROV entry (until its original is packed and the entry added to the graph), warnings
     * and canonical URLs. Records and metadata are not kept in memory; once its original is packed, the
     * rest goes to the run's {@link Leftovers}.
     */
    record BundledDocument(String sourcePath, long sourceBytes, PayloadEntry original, List<PayloadEntry> staged,
            ProvDocumentEntry prov, List<String> warnings, List<String> canonicalUrls, Path pendingMembers) {
    }

    /**
     * What the end of the run needs of every document once its original is packed: its staged payload (spilled to
     * disk, handed back sorted), its warnings and canonical URLs (for the summary and bag-info), and the totals.
     * Nothing else of a document stays, so memory stays flat however many documents (or members) there are.
     */
    static final class Leftovers implements AutoCloseable {
        final PayloadSpill staged;
        final WarningList warnings = new WarningList();
        /** Canonical URLs, for bag-info's External-Identifier: one a page in a crawl, so compact. */
        final org.provkit.StringTable identifiers = new org.provkit.StringTable();
        int documents;
        long sourceBytes;

        Leftovers(Path staging) {
            this.staged = new PayloadSpill(staging);
        }

        void add(BundledDocument doc) throws IOException {
            documents++;
            sourceBytes += doc.sourceBytes();
            for (PayloadEntry entry : doc.staged()) {
                staged.add(entry);
            }
            doc.warnings().forEach(w -> warnings.add(doc.sourcePath(), w));
            doc.canonicalUrls().forEach(identifiers::add);
        }

        @Override
        public void close() throws IOException {
            staged.close();
        }
    }

    private static BundledDocument stage(ProcessedDocument doc, StagingSpool.Lane lane) throws IOException {
        SourceFile source = doc.source();
        String path = source.recordedPath();
        String inBag = source.bagName();
        long textAt = lane.appendScratch(doc.textDigests().bytes());
        byte[] record = Json.mapper().writeValueAsBytes(doc.record());
        long recordAt = lane.append(record);
        PayloadEntry original = PayloadEntry.of(BagPaths.original(inBag), source.file(), 0, source.size(),
                doc.extraction().digests().sha256(), doc.extraction().digests().sha512(), true);
        List<PayloadEntry> staged = List.of(
                PayloadEntry.of(BagPaths.text(inBag), lane.spool(), textAt, doc.textDigests().bytes(),
                        doc.textDigests().sha256(), doc.textDigests().sha512(), false),
                new PayloadEntry(BagPaths.record(inBag), lane.spool(), recordAt, record.length,
                        ChecksumAlgorithm.SHA256.newDigest().digest(record), ChecksumAlgorithm.SHA512.newDigest().digest(record), false));
        ProvDocumentEntry prov = new ProvDocumentEntry(path, BagPaths.original(inBag), BagPaths.text(inBag),
                BagPaths.record(inBag), doc.extraction().digests().sha256(), doc.extraction().mediaType(), doc.provenance());
        List<String> canonical = new ArrayList<>();
        doc.record().path("urls").forEach(url -> {
            if ("canonical".equals(url.path("role").asText())) {
                canonical.add(url.path("url").asText());
            }
        });
        return new BundledDocument(path, source.size(), original, staged, prov, DocumentProcessor.warnings(doc.record()), canonical, null);
    }

    /**
     * A container source: its members are read and staged (texts now, records once every capture is known, see
     * {@link MemberFinisher}); its own record, which lists them, is staged here.
     */
    private static BundledDocument stageContainer(SourceFile source, ContainerFormat format, ContainerProcessor containers,
            StagingSpool spool, Path staging, int number) throws IOException {
        StagingSpool.Lane lane = spool.lane();
        String path = source.recordedPath();
        Path pending = staging.resolve("members-" + number + ".jsonl");
        Path scratch = staging.resolve("container-" + number);
        ContainerProcessor.Result result;
        StagingSpool.Region record;
        try (MemberStaging out = new MemberStaging(spool, lane, pending)) {
            result = containers.process(source, format, scratch, out);
            if (result.digests().bytes() != source.size()) {
                throw new SourceChangedException(path + ": changed while it was being bundled ("
                        + result.digests().bytes() + " bytes read, " + source.size() + " expected)");
            }
            record = out.stage(result.record());
        } finally {
            AtomicFiles.deleteRecursively(scratch);
        }
        PayloadEntry original = PayloadEntry.of(BagPaths.original(path), source.file(), 0, source.size(),
                result.digests().sha256(), result.digests().sha512(), true);
        PayloadEntry recordEntry = new PayloadEntry(BagPaths.record(path), lane.spool(), record.offset(), record.length(),
                record.sha256(), record.sha512(), false);
        ProvDocumentEntry prov = new ProvDocumentEntry(path, BagPaths.original(path), null, BagPaths.record(path),
                result.digests().sha256(), result.record().head().path("mediaType").asText(), null, null, true);
        return new BundledDocument(path, source.size(), original, List.of(recordEntry), prov,
                DocumentProcessor.warnings(result.record().head()), List.of(), pending);
    }

    /** Extracts and packs every original; what is left of each document goes to {@code left}. */
    private void extractAll(BundleRequest request, List<SourceFile> files, Path staging, BagSink sink,
            PayloadManifests manifests, ProvJsonWriter.Incremental prov, Leftovers left) throws IOException {
        Set<String> siblings = new LinkedHashSet<>();
        files.forEach(f -> siblings.add(f.recordedPath()));
        long total = files.stream().mapToLong(SourceFile::size).sum();
        progress.start("extracting", total, files.size());
        ForkedExtractor.Settings settings = ForkedExtractor.Settings.defaults(Math.max(1, request.threads()));
        ForkedExtractor forked = new ForkedExtractor(settings);
        // A collection of PDFs finds its first child ready instead of waiting for it behind the first PDF
        // (the child loads Tika while this JVM does the same): bundle of three PDFs, an ODT and a text file
        // 1.9 -> 1.5 s. Only the first: three JVMs loading Tika at once on two cores were slower.
        // Text and HTML start none.
        List<SourceFile> likelyForked = files.stream()
                .filter(f -> RoutingExtractor.likelyForked(f.file().getFileName().toString(), f.size())
                        && !WebArchives.named(f.file().getFileName().toString())).toList();
        // A web archive's members are captured resources, each far smaller than the archive: its size says nothing
        // about the heap a child needs.
        long largest = files.stream().filter(f -> RoutingExtractor.mayFork(f.file().getFileName().toString(), f.size())
                        && !WebArchives.named(f.file().getFileName().toString()))
                .mapToLong(SourceFile::size).max().orElse(0);
        forked.expect(likelyForked.size(), likelyForked.stream().mapToLong(SourceFile::size).sum(),
                ChildMemory.forWork(largest, settings.workers()));
        RoutingExtractor extractor = new RoutingExtractor(settings.limits(), forked);
        ProvenanceAnalyzer analyzer = request.registry() == null ? new ProvenanceAnalyzer() : new ProvenanceAnalyzer(request.registry());
        DocumentProcessor processor = new DocumentProcessor(extractor, analyzer);
        CaptureIndex captures = new CaptureIndex();
        // Members of containers are extracted on threads of their own: a container's thread only reads it.
        ExecutorService memberPool = Executors.newFixedThreadPool(Math.max(1, request.threads()), runnable -> {
            Thread thread = new Thread(runnable, "provkit-extract-member");
            thread.setDaemon(true);
            return thread;
        });
        ContainerProcessor containers = new ContainerProcessor(extractor, analyzer, ContainerLimits.defaults(), captures,
                memberPool, Math.max(1, request.threads()));
        java.util.concurrent.atomic.AtomicInteger containerNumbers = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, request.threads()), runnable -> {
            Thread thread = new Thread(runnable, "provkit-extract");
            thread.setDaemon(true);
            return thread;
        });
        try (StagingSpool spool = new StagingSpool(staging)) {
            List<Future<BundledDocument>> futures = new ArrayList<>(files.size());
            for (SourceFile source : files) {
                futures.add(pool.submit(() -> {
                    StagingSpool.Lane lane = spool.lane();
                    java.util.Optional<ContainerFormat> container = ContainerProcessor.detect(source);
                    BundledDocument staged = container.isPresent()
                            ? stageContainer(source, container.get(), containers, spool, staging, containerNumbers.incrementAndGet())
                            : stage(processor.process(source, lane.scratch(), siblings), lane);
                    progress.advance(source.size());
                    return staged;
                }));
            }
            List<Path> pendingMembers = new ArrayList<>();
            byte[] buffer = new byte[1 << 20];
            for (int i = 0; i < futures.size(); i++) {
                BundledDocument document = await(futures.get(i));
                futures.set(i, null);
                PayloadEntry original = document.original();
                sink.add(original.bagPath(), original.size(), out -> copy(original, out, buffer));
                manifests.add(original);
                prov.add(document.prov());
                left.add(document);
                if (document.pendingMembers() != null) {
                    pendingMembers.add(document.pendingMembers());
                }
            }
            pool.shutdown();
            // Every capture of the bundle is known now: the members of its containers can be checked against the crawl.
            MemberFinisher finisher = new MemberFinisher(captures, spool.lane(), prov);
            for (Path pending : pendingMembers) {
                finisher.finish(pending, left::add);
            }
        } finally {
            pool.shutdownNow();
            memberPool.shutdownNow();
            extractor.close();
            progress.finish();
        }
    }

    /** Files whose names Java cannot open are copied into the staging folder first (see {@link RawNames}). */
    private static List<SourceFile> copyRawNamed(List<SourceFile> files, Path staging) throws IOException {
        List<SourceFile> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            if (file.needsSafeCopy()) {
                String name = file.recordedPath().substring(file.recordedPath().lastIndexOf('/') + 1);
                Path copy = Files.createDirectories(staging.resolve("raw-" + i)).resolve(name);
                Files.copy(file.file(), copy);
                file = file.withFile(copy);
            }
            out.add(file);
        }
        return out;
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvkitException(ExitCode.UNREADABLE, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static PayloadEntry stagedEntry(Path file, String bagPath) throws IOException {
        FileDigests digests;
        try (DigestingInputStream in = new DigestingInputStream(Files.newInputStream(file))) {
            digests = in.finish();
        }
        return PayloadEntry.of(bagPath, file, 0, digests.bytes(), digests.sha256(), digests.sha512(), false);
    }

    /**
     * {@code <source folder>-<yyyyMMdd>-<6 hex digits>}: the digits are a hash of what is bundled (each
     * file's place in the bag and size), known before any file is read, so a second bundle of the same
     * folder on the same day gets the same name (and is refused rather than overwritten) unless its
     * files changed.
     */
    static String defaultName(Path firstSource, Instant time, List<SourceFile> files) {
        Path name = firstSource.toAbsolutePath().normalize().getFileName();
        String base = name == null ? "bundle" : BundleNames.sanitize(stripExtension(name.toString()));
        MessageDigest listing = ChecksumAlgorithm.SHA256.newDigest();
        for (SourceFile file : files) {
            listing.update((BagPaths.original(file.bagName()) + "\u0000" + file.size() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String hash = HexFormat.of().formatHex(listing.digest()).substring(0, 6);
        return base + "-" + DATE.format(time) + "-" + hash;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static BagInfo bagInfo(BundleRequest request, long files, long bytes, Set<String> identifiers, int documents) {
        BagInfo info = BagInfo.empty();
        if (request.organization() != null && !request.organization().isBlank()) {
            info = info.with("Source-Organization", request.organization().strip());
        }
        info = info.with("Bagging-Date", ISO_DATE.format(request.bagTime()))
                .with("Bag-Software-Agent", ProvkitVersion.agent())
                .with("Payload-Oxum", bytes + "." + files)
                .with("Bag-Size", TagFiles.humanSize(bytes))
                .with("External-Description", documents + (documents == 1 ? " source document" : " source documents")
                        + " with extracted text, records and W3C PROV provenance");
        for (String identifier : new TreeMap<String, String>(toMap(identifiers)).keySet()) {
            if (ExternalIdentifiers.wellFormed(identifier).isPresent()) {
                info = info.with("External-Identifier", identifier);
            }
        }
        return BagInfoFields.merge(info, request.bagInfo());
    }

    private static Map<String, String> toMap(Set<String> values) {
        Map<String, String> map = new TreeMap<>();
        values.forEach(v -> map.put(v, v));
        return map;
    }

    private static BagSink openSink(BundleFormat format, Path temp, Path target, String name, Instant mtime) throws IOException {
        return switch (format) {
            case TAR -> new TarBagSink(temp, target, name, mtime, false);
            case TAR_GZ -> new TarBagSink(temp, target, name, mtime, true);
            case ZIP -> new ZipBagSink(temp, target, name, mtime);
            case DIR -> new DirBagSink(temp, target, mtime);
        };
    }

    private void pack(BagSink sink, PayloadManifests manifests, PayloadSpill entries, String phase) throws IOException {
        progress.start(phase, entries.bytes(), entries.count());
        try {
            byte[] buffer = new byte[1 << 20];
            entries.drain(entry -> {
                sink.add(entry.bagPath(), entry.size(), out -> copy(entry, out, buffer));
                manifests.add(entry);
                progress.advance(entry.size());
            });
        } finally {
            progress.finish();
        }
    }

    /** Copies a payload file; a source is checksummed again on the way, so what is packed is what was listed. */
    private static void copy(PayloadEntry entry, OutputStream out, byte[] buffer) throws IOException {
        if (!entry.original()) {
            // a staged file, or the part of a staging spool, that holds exactly the entry's bytes
            copyRange(entry.file(), entry.offset(), entry.size(), out, buffer, entry.bagPath());
            return;
        }
        MessageDigest check = ChecksumAlgorithm.SHA256.newDigest();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(entry.file()), 1 << 16)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                check.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (!java.util.Arrays.equals(check.digest(), entry.sha256())) {
            throw new SourceChangedException(entry.bagPath() + ": changed while it was being bundled (checksum differs)");
        }
    }

    /** Copies bytes {@code [offset, offset + length)} of {@code file}; fails if the file ends before. */
    private static void copyRange(Path file, long offset, long length, OutputStream out, byte[] buffer, String what)
            throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer wrapped = java.nio.ByteBuffer.wrap(buffer);
            long done = 0;
            while (done < length) {
                wrapped.clear().limit((int) Math.min(buffer.length, length - done));
                int n = channel.read(wrapped, offset + done);
                if (n < 0) {
                    throw new IOException(file + ": ends before the " + length + " bytes of " + what);
                }
                out.write(buffer, 0, n);
                done += n;
            }
        }
    }
}
