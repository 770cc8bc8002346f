package org.provkit.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Extracts what cannot hurt the run in this JVM and hands everything else to the child JVMs of a
 * {@link ForkedExtractor}.
 *
 * <p>In this JVM: empty files; files Tika has no parser for (application/octet-stream: checksummed,
 * never parsed); and plain text, HTML and XHTML up to {@link #IN_PROCESS_MAX_BYTES}, whose parsers are
 * linear, stream-based and resolve no entities, so a hostile file costs at most a few milliseconds
 * per megabyte. Every other format (PDF, office, archives, XML, images, large texts) goes to a child
 * process with a bounded heap and a time limit, as before. The children are started on first use, so a
 * collection of articles starts none: that saves two JVM start-ups, their JIT work and their memory.
 */
public final class RoutingExtractor implements Extractor {

    /** Text and HTML files at most this large are parsed in this JVM. */
    public static final long IN_PROCESS_MAX_BYTES = TikaExtractor.SMALL_FILE;

    private static final Set<String> SMALL_SAFE = Set.of("text/plain", "text/html", "application/xhtml+xml");
    private static final String NO_PARSER = "application/octet-stream";

    private final TikaExtractor local;
    private final ForkedExtractor forked;

    public RoutingExtractor(TextLimits limits, ForkedExtractor forked) {
        this.local = new TikaExtractor(limits);
        this.forked = forked;
    }

    /** Whether a file of this media type and size is extracted in this JVM. */
    static boolean inProcess(String mediaType, long size) {
        return size == 0 || NO_PARSER.equals(mediaType) || (size <= IN_PROCESS_MAX_BYTES && SMALL_SAFE.contains(mediaType));
    }

    @Override
    public Extraction extract(Path file, Path textFile) throws IOException {
        Extraction here;
        try {
            here = local.extract(file, textFile, type -> { }, RoutingExtractor::inProcess);
        } catch (StackOverflowError | LinkageError e) {
            // A parser that recurses without end or misses a class must not end the run: let the
            // isolated child try, which records the failure if it fails too.
            here = null;
        }
        return here != null ? here : forked.extract(file, textFile);
    }

    @Override
    public void close() {
        forked.close();
    }
}
