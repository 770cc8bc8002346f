package org.provkit.bundle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.provkit.Json;
import org.provkit.container.Capture;
import org.provkit.container.CaptureIndex;
import org.provkit.container.ContainerDetector;
import org.provkit.container.ContainerFormat;
import org.provkit.container.ContainerLimits;
import org.provkit.container.ContainerReader;
import org.provkit.container.ContainerSummary;
import org.provkit.container.Member;
import org.provkit.container.MemberIdentity;
import org.provkit.container.MemberNames;
import org.provkit.container.PageAsset;
import org.provkit.container.PageAssets;
import org.provkit.container.Scratch;
import org.provkit.extract.DigestingInputStream;
import org.provkit.extract.Extraction;
import org.provkit.extract.Extractor;
import org.provkit.extract.FileDigests;
import org.provkit.provenance.DocumentProvenance;
import org.provkit.provenance.ProvenanceAnalyzer;
import org.provkit.provenance.SourceDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A container source: its members become documents, each extracted and attributed on its own (nothing of one
 * reaches another's chain) with its own record, read in one pass over the container; a member that is itself a
 * container is read the same way, to the nesting depth of {@link ContainerLimits}. The container's own record
 * lists its members and says what is wrong with it. Every capture is entered in the bundle's {@link CaptureIndex}
 * for the crawl check that runs once all are known.
 */
final class ContainerProcessor {

    private final Extractor extractor;
    private final ProvenanceAnalyzer analyzer;
    private final ContainerLimits limits;
    private final CaptureIndex captures;
    private final ExecutorService workers;
    private final int window;

    /**
     * Members are extracted and attributed on {@code workers} ({@code threads} of them; null: on the reading thread),
     * at most a few ahead of the one whose record is written next, so memory and scratch space stay bounded.
     */
    ContainerProcessor(Extractor extractor, ProvenanceAnalyzer analyzer, ContainerLimits limits, CaptureIndex captures,
            ExecutorService workers, int threads) {
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.limits = limits;
        this.captures = captures;
        this.workers = workers;
        this.window = workers == null ? 1 : 2 * threads + 1;
    }

    /** The container of a source file, or empty when it is a document. */
    static Optional<ContainerFormat> detect(SourceFile source) throws IOException {
        String name = source.recordedPath().substring(source.recordedPath().lastIndexOf('/') + 1);
        return source.size() == 0 ? Optional.empty() : ContainerDetector.detect(source.file(), name);
    }

    /** A processed container source: its digests and its record; its members went to the output. */
    record Result(FileDigests digests, ContainerRecord record, int members) {
    }

    /** Reads the container {@code source} (of {@code format}), staging in {@code scratchFolder}; members go to {@code out}. */
    Result process(SourceFile source, ContainerFormat format, Path scratchFolder, MemberOutput out) throws IOException {
        FileDigests digests = digests(source.file());
        Scratch scratch = Scratch.open(scratchFolder, source.size(), limits);
        Nest nest = new Nest(out);
        ObjectNode head = head(source.recordedPath(), format, digests);
        head.put("originalPath", BagPaths.original(source.recordedPath()));
        if (source.rawNameHex() != null) {
            head.put("originalNameHex", source.rawNameHex());
        }
        try {
            Level level = nest.read(source.recordedPath(), source.file(), format, scratch, head);
            return new Result(digests, level.record, nest.members);
        } finally {
            nest.cancel();
        }
    }

    /** A member extracted and attributed, its text kept: what its record line needs. */
    private record Done(ObjectNode record, JsonNode text, List<PageAsset> assets) {
    }

    /** A member on its way: the level whose list it joins, and its work. */
    private record InFlight(Level level, Future<Done> work) {
    }

    /** The members of one outermost container, nested ones included. */
    private final class Nest {
        final MemberOutput out;
        final MemberNames names = new MemberNames();
        final Deque<InFlight> inFlight = new ArrayDeque<>();
        long slots;
        int members;

        Nest(MemberOutput out) {
            this.out = out;
        }

        /** Reads one container (outermost or nested) whose record begins as {@code head}. */
        Level read(String path, Path file, ContainerFormat format, Scratch scratch, ObjectNode head) throws IOException {
            ContainerReader reader = Containers.reader(format);
            Path list = scratch.file("members-of-level.jsonl");
            Set<String> siblings = new LinkedHashSet<>();
            reader.memberNames(file).forEach(name -> siblings.add(path + "/" + name));
            Level level = new Level(path, scratch, siblings, list, out);
            ContainerSummary summary;
            try (BufferedWriter lines = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
                level.lines = lines;
                summary = reader.read(file, scratch, (member, content) -> member(level, member, content));
                drain(0);
            }
            ObjectNode contents = head.putObject("contents");
            contents.put("format", summary.format().label());
            contents.setAll((ObjectNode) Json.mapper().valueToTree(summary.details()));
            MemberRecords.addWarnings(head, summary.warnings());
            level.record = new ContainerRecord(head, list);
            return level;
        }

        private void member(Level level, Member member, Path content) throws IOException {
            String path = names.unique(level.path + "/" + member.name());
            String name = path.substring(level.path.length() + 1);
            MemberIdentity identity = rename(member.identity(), name);
            Capture capture = member.capture();
            captures.add(capture);
            members++;
            Optional<ContainerFormat> nested = content == null ? Optional.empty() : ContainerDetector.detect(content, name);
            Scratch inner = nested.isPresent() ? level.scratch.nested() : null;
            if (inner != null) {
                // In order: the members before it are listed first, its own come between its start and its record.
                drain(0);
                list(level, nested(level, path, identity, capture, member, nested.get(), content, inner));
                return;
            }
            List<String> warnings = new ArrayList<>(member.warnings());
            if (nested.isPresent()) {
                warnings.add(identity.describe() + " is a container nested deeper than " + limits.maxDepth()
                        + " levels: its members were not read");
            }
            drain(window - 1);
            // The reader reuses its file for the next member: this one's bytes move to a place of their own
            // (a member with no content, such as a revisit of a capture not in the file, gets an empty one).
            Path bytes = level.scratch.slotFile(slots++ % (window + 1), name);
            if (content != null) {
                Files.move(content, bytes, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.write(bytes, new byte[0]);
            }
            boolean hasContent = content != null;
            Callable<Done> work = () -> {
                try {
                    return document(level, path, identity, capture, warnings, bytes, hasContent);
                } finally {
                    Files.deleteIfExists(bytes);
                }
            };
            if (workers == null) {
                inFlight.add(new InFlight(level, java.util.concurrent.CompletableFuture.completedFuture(call(work))));
                drain(0);
            } else {
                inFlight.add(new InFlight(level, workers.submit(work)));
            }
        }

        /** Writes the records of finished members, oldest first, until at most {@code keep} are on their way. */
        private void drain(int keep) throws IOException {
            while (inFlight.size() > keep) {
                InFlight next = inFlight.removeFirst();
                Done done = await(next.work());
                out.member(done.record(), done.text(), done.assets());
                list(next.level(), done.record());
            }
        }

        void cancel() {
            for (InFlight pending : inFlight) {
                pending.work().cancel(true);
            }
            inFlight.clear();
        }

        private void list(Level level, ObjectNode record) throws IOException {
            level.lines.write(LINE.writeValueAsString(summaryLine(record)));
            level.lines.newLine();
        }

        private ObjectNode nested(Level level, String path, MemberIdentity identity, Capture capture, Member member,
                ContainerFormat format, Path content, Scratch inner) throws IOException {
            ObjectNode head = MemberRecords.of(head(path, format, digests(content)), level.path, identity, capture);
            MemberRecords.addWarnings(head, member.warnings());
            out.nestedStart(head.deepCopy());
            // The staged bytes outlive the nested container's reading: the next level stages elsewhere.
            Level nestedLevel = read(path, content, format, inner, head);
            out.nestedRecord(path, nestedLevel.record);
            return head;
        }
    }

    /** Extracts and attributes one member (on a worker thread): its record, text and page images. */
    private Done document(Level level, String path, MemberIdentity identity, Capture capture, List<String> warnings,
            Path file, boolean hasContent) throws IOException {
        Path textFile = level.output.textFile();
        Extraction extraction = extractor.extract(file, textFile);
        Set<String> siblings = new HashSet<>(level.siblings);
        siblings.add(path);
        DocumentProvenance provenance = analyzer.analyze(new SourceDocument(path, hasContent ? file : null,
                extraction.mediaType(), textFile, extraction.metadata(), siblings, capture == null ? null : capture.url()));
        JsonNode text = level.output.keepText(extraction.text());
        SourceFile source = new SourceFile(file, path, extraction.digests().bytes());
        ObjectNode record = MemberRecords.of(DocumentProcessor.record(source, extraction, provenance, extraction.text()),
                level.path, identity, capture);
        MemberRecords.addWarnings(record, warnings);
        List<PageAsset> assets = capture != null && hasContent && isHtml(extraction.mediaType())
                ? pageAssets(file, capture, record) : List.of();
        return new Done(record, text, assets);
    }

    /** One container being read: where its members go and what is known of them. */
    private static final class Level {
        final String path;
        final Scratch scratch;
        final Set<String> siblings;
        final Path list;
        final MemberOutput output;
        BufferedWriter lines;
        ContainerRecord record;

        Level(String path, Scratch scratch, Set<String> siblings, Path list, MemberOutput output) {
            this.path = path;
            this.scratch = scratch;
            this.siblings = siblings;
            this.list = list;
            this.output = output;
        }
    }

    /** The record of a container before its members: no text, no chain of its own. */
    private static ObjectNode head(String path, ContainerFormat format, FileDigests digests) {
        ObjectNode head = Json.mapper().createObjectNode();
        head.put("path", path);
        head.put("mediaType", format.mediaType());
        head.putNull("language");
        head.putNull("title");
        head.put("sha256", digests.sha256());
        head.put("sha512", digests.sha512());
        head.put("bytes", digests.bytes());
        head.putArray("urls");
        head.putObject("attribution").putArray("chain");
        head.putArray("credits");
        head.putArray("missingAssets");
        head.putArray("warnings");
        head.putObject("extraction").put("status", "container");
        return head;
    }

    /** What the container's list says of one member. */
    private static ObjectNode summaryLine(ObjectNode record) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("path", record.path("path").asText());
        line.setAll((ObjectNode) record.path("member").deepCopy());
        line.put("mediaType", record.path("mediaType").asText(null));
        if (record.has("capture")) {
            line.put("url", record.path("capture").path("url").asText(null));
            line.put("date", record.path("capture").path("date").asText(null));
        }
        if (record.has("contents")) {
            line.set("members", record.path("contents").path("members"));
        }
        return line;
    }

    private static MemberIdentity rename(MemberIdentity id, String name) {
        String entryName = id.entryName() != null ? id.entryName() : null;
        return new MemberIdentity(id.kind(), name, entryName, id.recordId(), id.recordType(), id.offset(), id.messageId());
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter LINE = Json.mapper().writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    private static <T> T call(Callable<T> work) throws IOException {
        try {
            return work.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private static List<PageAsset> pageAssets(Path content, Capture capture, ObjectNode record) {
        try {
            return PageAssets.of(content, capture.url(), charset(capture.contentType()));
        } catch (IOException | RuntimeException e) {
            MemberRecords.addWarnings(record, List.of("the page's images could not be listed for the crawl check: " + e.getMessage()));
            return List.of();
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)").matcher(contentType);
        if (m.find() && java.nio.charset.Charset.isSupported(m.group(1))) {
            return m.group(1);
        }
        return null;
    }

    private static boolean isHtml(String mediaType) {
        return "text/html".equals(mediaType) || "application/xhtml+xml".equals(mediaType);
    }

    static FileDigests digests(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DigestingInputStream in = new DigestingInputStream(raw)) {
            return in.finish();
        }
    }
}
