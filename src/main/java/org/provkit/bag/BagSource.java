package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entries of a bag in one of its forms (directory, tar, tar.gz, zip), read front to back. Each
 * {@link #forEach} call reads from the start again, giving the same entries with the same indices, which
 * is what a second hashing pass relies on. Nothing is ever written to disk and links are never followed.
 */
public interface BagSource {

    /** Called once per entry; {@code content} is the entry's bytes for {@link BagFile.Kind#FILE}, else null. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(BagFile file, InputStream content) throws IOException;
    }

    /** What kind of source this is, for messages: "directory", "tar", "tar.gz", "zip". */
    String format();

    /** Bytes the source will read in one pass, for progress. */
    long totalBytes();

    /**
     * Visits every entry. A failure to read one file of a directory is recorded on that {@link BagFile};
     * a failure of an archive stream ends the pass with the exception (entries visited so far stand).
     *
     * @param progress increased by the bytes read from the source as it goes
     */
    void forEach(EntryVisitor visitor, AtomicLong progress) throws IOException;

    /**
     * What is wrong with the archive itself rather than the bag, known once {@link #forEach} has run:
     * for a tar, headers whose checksum is wrong, and data after its end-of-archive marker (an entry name
     * of "" for the archive as a whole).
     */
    default java.util.List<BagScanner.EntryProblem> afterEntries() {
        return java.util.List.of();
    }

    /** The size of an archive file, for progress; 0 when it cannot be read (reading it will say why). */
    static long sizeOf(java.nio.file.Path archive) {
        try {
            return java.nio.file.Files.size(archive);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Archive entry names as provkit compares them: no leading {@code ./}, no trailing {@code /}. */
    static String normalizeEntryName(String raw) {
        String name = raw;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.equals(".") ? "" : name;
    }
}
