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

    /**
     * Name endings of formats that are parsed in a child (documents, images, media, archives, mail,
     * structured text; not CSV, which Tika detects as plain text). A guess from the name alone, made before Tika is loaded, used only to start a
     * child early ({@link ForkedExtractor#prestart}): a wrong guess costs time, never a result.
     */
    private static final Set<String> CHILD_EXTENSIONS = Set.of(
            "pdf", "doc", "docx", "docm", "dot", "dotx", "odt", "ods", "odp", "odg", "ott", "rtf", "wpd", "wps",
            "xls", "xlsx", "xlsm", "ppt", "pptx", "pptm", "pages", "key", "numbers", "pub", "vsd", "vsdx", "one",
            "epub", "eml", "msg", "mbox", "ics", "vcf", "xml", "md", "markdown", "json",
            "jpg", "jpeg", "png", "gif", "tif", "tiff", "webp", "bmp", "heic", "svg", "ps", "eps",
            "mp3", "mp4", "m4a", "wav", "ogg", "flac", "mov", "avi", "mkv",
            "zip", "gz", "tgz", "bz2", "xz", "tar", "7z", "rar", "jar");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "htm", "html", "xhtml", "xht");

    /** Whether a file of this name and size will probably be extracted in a child process. */
    public static boolean likelyForked(String fileName, long size) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return CHILD_EXTENSIONS.contains(extension) || (size > IN_PROCESS_MAX_BYTES && TEXT_EXTENSIONS.contains(extension));
    }

    /** Whether a file of this name and size may be sent to a child, whatever its content turns out to be. */
    public static boolean mayFork(String fileName, long size) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return size > 0 && !(TEXT_EXTENSIONS.contains(extension) && size <= IN_PROCESS_MAX_BYTES);
    }

    /** Whether a file of this media type and size is extracted in this JVM. */
    public static boolean inProcess(String mediaType, long size) {
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
