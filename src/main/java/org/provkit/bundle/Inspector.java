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
import org.provkit.extract.ForkedExtractor;
import org.provkit.extract.RoutingExtractor;
import org.provkit.provenance.ProvenanceAnalyzer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@code bundle} would record for each file, without packing anything. */
public final class Inspector implements java.io.Closeable {

    private final RoutingExtractor extractor;
    private final DocumentProcessor processor;

    public Inspector(Path registry) {
        ProvenanceAnalyzer analyzer = registry == null ? new ProvenanceAnalyzer() : new ProvenanceAnalyzer(registry);
        ForkedExtractor.Settings settings = ForkedExtractor.Settings.defaults(1);
        this.extractor = new RoutingExtractor(settings.limits(), new ForkedExtractor(settings));
        this.processor = new DocumentProcessor(extractor, analyzer);
    }

    /**
     * The records of the given files (a file is recorded under the path given, a folder as {@code bundle}
     * would record its files), in order.
     */
    public List<ObjectNode> inspect(List<Path> inputs) throws IOException {
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
        return inspectFiles(files);
    }

    /**
     * The records of files listed by the caller with the paths to record them under (a program that fetches
     * its sources itself, as the Spark jobs do); each file is judged among the others (missing assets).
     */
    public List<ObjectNode> inspectFiles(List<SourceFile> files) throws IOException {
        Set<String> siblings = new LinkedHashSet<>();
        files.forEach(f -> siblings.add(f.recordedPath()));
        List<ObjectNode> records = new ArrayList<>();
        for (SourceFile file : files) {
            if (!Files.isReadable(file.file())) {
                throw new ProvkitException(ExitCode.UNREADABLE, file.file() + ": not readable (permission denied)");
            }
            Path text = Files.createTempFile("provkit-inspect-", ".txt");
            Files.delete(text);
            try {
                ObjectNode record = processor.process(file, text, siblings).record();
                record.remove("originalPath");
                record.remove("textPath");
                records.add(record);
            } finally {
                Files.deleteIfExists(text);
            }
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
