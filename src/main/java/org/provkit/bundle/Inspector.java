package org.provkit.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.container.CaptureIndex;
import org.provkit.container.ContainerFormat;
import org.provkit.container.ContainerLimits;
import org.provkit.extract.ForkedExtractor;
import org.provkit.extract.RoutingExtractor;
import org.provkit.provenance.ProvenanceAnalyzer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@code bundle} would record for each file, without packing anything. */
public final class Inspector implements java.io.Closeable {

    private final RoutingExtractor extractor;
    private final DocumentProcessor processor;
    private final CaptureIndex captures = new CaptureIndex();
    private final ContainerProcessor containers;

    public Inspector(Path registry) {
        ProvenanceAnalyzer analyzer = registry == null ? new ProvenanceAnalyzer() : new ProvenanceAnalyzer(registry);
        ForkedExtractor.Settings settings = ForkedExtractor.Settings.defaults(1);
        this.extractor = new RoutingExtractor(settings.limits(), new ForkedExtractor(settings));
        this.processor = new DocumentProcessor(extractor, analyzer);
        this.containers = new ContainerProcessor(extractor, analyzer, ContainerLimits.defaults(), captures, null, 1);
    }

    /**
     * The records of the given files (a file is recorded under the path given, a folder as {@code bundle}
     * would record its files), in order.
     */
    public List<ObjectNode> inspect(List<Path> inputs) throws IOException {
        return inspect(inputs, (record, text) -> { });
    }

    /** Receives each document's record with its extracted text (a temporary file, removed afterwards). */
    @FunctionalInterface
    public interface TextConsumer {
        void accept(ObjectNode record, Path text) throws IOException;
    }

    /** As {@link #inspect(List)}, handing each record and its extracted text to {@code texts} as it is made. */
    public List<ObjectNode> inspect(List<Path> inputs, TextConsumer texts) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input)) {
                files.add(new SourceFile(input, displayPath(input), Files.size(input)));
            } else if (Files.isDirectory(input)) {
                files.addAll(SourceScanner.scan(List.of(input)).files());
            } else {
                throw new ProvkitException(ExitCode.UNREADABLE, input + ": no such file or folder");
            }
        }
        return inspectFiles(files, texts);
    }

    /**
     * The records of files listed by the caller with the paths to record them under (a program that fetches
     * its sources itself, as the Spark jobs do); each file is judged among the others (missing assets).
     */
    public List<ObjectNode> inspectFiles(List<SourceFile> files) throws IOException {
        return inspectFiles(files, (record, text) -> { });
    }

    /**
     * As {@link #inspectFiles(List)}, handing each record and its extracted text to {@code texts} (a container's
     * members are not handed over: their texts are not kept).
     */
    public List<ObjectNode> inspectFiles(List<SourceFile> files, TextConsumer texts) throws IOException {
        Set<String> siblings = new LinkedHashSet<>();
        files.forEach(f -> siblings.add(f.recordedPath()));
        Path text = Files.createTempFile("provkit-inspect-", ".txt");
        Path scratch = Files.createTempDirectory("provkit-inspect-");
        InspectedMembers inspected = new InspectedMembers(text);
        try {
            for (SourceFile file : files) {
                if (!Files.isReadable(file.file())) {
                    throw new ProvkitException(ExitCode.UNREADABLE, file.file() + ": not readable (permission denied)");
                }
                java.util.Optional<ContainerFormat> container = ContainerProcessor.detect(file);
                if (container.isPresent()) {
                    // A container's record comes first, its members after it, as they were read.
                    int at = inspected.reserve();
                    ContainerProcessor.Result result = containers.process(file, container.get(), scratch.resolve("c"), inspected);
                    inspected.place(at, result.record().toObjectNode());
                    AtomicFiles.deleteRecursively(scratch.resolve("c"));
                } else {
                    ObjectNode record = processor.process(file, text, siblings).record();
                    texts.accept(record, text);
                    inspected.member(record, null, List.of());
                }
            }
        } finally {
            Files.deleteIfExists(text);
            AtomicFiles.deleteRecursively(scratch);
        }
        List<ObjectNode> records = inspected.finish(captures);
        for (ObjectNode record : records) {
            record.remove("originalPath");
            record.remove("textPath");
        }
        return records;
    }

    @Override
    public void close() {
        extractor.close();
    }

    private static String displayPath(Path input) {
        Path normal = input.normalize();
        String path = normal.toString().replace(java.io.File.separatorChar, '/');
        return path.isEmpty() ? input.getFileName().toString() : path;
    }
}
