package org.provkit.catalog;

import java.util.List;

/**
 * What the catalog reads from one bundle: bag name, {@code bag-info.txt}, the SHA-256 of
 * {@code tagmanifest-sha256.txt} (null without one), each document with its extracted text, and problems
 * met while reading (an unreadable record, a truncated archive) as sentences.
 */
public record BundleContents(String bagName, String bagInfo, String tagmanifestSha256, boolean hasProvenance,
        List<Document> documents, List<String> problems) {

    /**
     * A document: its record and its extracted text (null when none, or when {@code textDeferred}: the
     * bundle's texts exceeded what is held in memory, and the writer streams this one from the bundle).
     */
    public record Document(DocumentRecord record, String text, boolean textTruncated, boolean textDeferred) {
    }

    /** True when some texts must be streamed from the bundle again while writing. */
    public boolean hasDeferredTexts() {
        return documents.stream().anyMatch(Document::textDeferred);
    }
}
