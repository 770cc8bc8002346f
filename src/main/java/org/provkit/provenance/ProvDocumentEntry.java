package org.provkit.provenance;

/**
 * One document of a bundle for the PROV graph. Paths are relative to the bag root
 * ({@code data/originals/...}, {@code data/text/...}, {@code data/records/...}).
 *
 * @param membership for a member of a container, its link to it; null for a source file
 * @param collection whether the document is a container of members
 */
public record ProvDocumentEntry(String sourcePath, String originalPath, String textPath, String recordPath,
        String sha256, String mediaType, DocumentProvenance provenance, Membership membership, boolean collection) {

    /** A source file that holds no members. */
    public ProvDocumentEntry(String sourcePath, String originalPath, String textPath, String recordPath,
            String sha256, String mediaType, DocumentProvenance provenance) {
        this(sourcePath, originalPath, textPath, recordPath, sha256, mediaType, provenance, null, false);
    }
}
