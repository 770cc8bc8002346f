package org.provkit.provenance;

/**
 * One document of a bundle for the PROV graph. Paths are relative to the bag root
 * ({@code data/originals/...}, {@code data/text/...}, {@code data/records/...}).
 */
public record ProvDocumentEntry(String sourcePath, String originalPath, String textPath, String recordPath,
        String sha256, String mediaType, DocumentProvenance provenance) {
}
