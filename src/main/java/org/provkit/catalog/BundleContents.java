package org.provkit.catalog;

import java.util.List;

/**
 * What the catalog reads from one bundle: bag name, {@code bag-info.txt}, the SHA-256 of
 * {@code tagmanifest-sha256.txt} (null without one), each document with its extracted text, and problems
 * met while reading (an unreadable record, a truncated archive) as sentences.
 */
public record BundleContents(String bagName, String bagInfo, String tagmanifestSha256, boolean hasProvenance,
        List<Document> documents, List<String> problems) {

    /** A document: its record (null when only a text file was found) and its extracted text (null when none). */
    public record Document(DocumentRecord record, String text, boolean textTruncated) {
    }
}
