package org.provkit.extract;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Extracts one source file's text (into {@code textFile}, UTF-8) and metadata. Thread-safe. */
public interface Extractor extends Closeable {

    /**
     * Never throws for content the parsers cannot handle (that is a FAILED extraction with a warning);
     * only when the source or the text file cannot be read or written at all.
     */
    Extraction extract(Path file, Path textFile) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
