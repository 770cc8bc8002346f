package org.provkit.extract;

import java.util.List;
import java.util.Map;

/**
 * What extraction learnt about one source file. The digests and size come from the same single read
 * of the file that fed the parser.
 *
 * @param mediaType  detected media type, without parameters
 * @param metadata   every metadata key Tika gave, with its values (sorted by key)
 * @param status     {@link Status}
 * @param warnings   sentences for people: what went wrong or looks odd
 * @param textChars  characters of text written
 * @param digests    size and checksums of the source file
 * @param text       size and checksums of the UTF-8 text file written
 */
public record Extraction(
        String mediaType,
        Map<String, List<String>> metadata,
        Status status,
        List<String> warnings,
        long textChars,
        FileDigests digests,
        FileDigests text) {

    public enum Status {
        /** Text and metadata extracted. */
        OK,
        /** Text extracted up to the configured limit. */
        TRUNCATED,
        /** The parser failed or timed out: the file is archived, its text is empty or partial. */
        FAILED,
        /** Nothing to parse (an empty file, or a type provkit does not parse). */
        SKIPPED
    }
}
