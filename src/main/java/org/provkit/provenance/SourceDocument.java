package org.provkit.provenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One source document as extraction left it, the input of attribution.
 *
 * @param path         the document's recorded path, '/'-separated (e.g. {@code seeds/000_6aef5a1f1f04ad71.txt})
 * @param file         the original file on disk (read it for raw HTML, OOXML relationships, ...)
 * @param mediaType    detected media type without parameters (e.g. {@code text/html})
 * @param textFile     the extracted plain text, UTF-8 (may be large: stream it)
 * @param metadata     every Tika metadata key with its values
 * @param siblingPaths the recorded paths of every source in the same bundle (to tell a missing asset
 *                     from one that is present)
 * @param capturedUrl  for a web capture (a WARC record), the URL it was captured from; null otherwise
 */
public record SourceDocument(String path, Path file, String mediaType, Path textFile,
        Map<String, List<String>> metadata, Set<String> siblingPaths, String capturedUrl) {

    /** A document that is not a web capture. */
    public SourceDocument(String path, Path file, String mediaType, Path textFile, Map<String, List<String>> metadata,
            Set<String> siblingPaths) {
        this(path, file, mediaType, textFile, metadata, siblingPaths, null);
    }
}
