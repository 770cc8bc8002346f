package org.provkit.bundle;

import java.nio.file.Path;
import java.util.List;

import org.provkit.sign.SignatureFiles;

/**
 * What {@code bundle} wrote. {@code signature} is null for an unsigned bundle. {@code tagManifestSha512}
 * is the hex SHA-512 of the bundle's {@code tagmanifest-sha512.txt}: the file the signature covers, and
 * through it the whole bag, so a collection can list one digest per bundle.
 */
public record BundleResult(
        Path bundle,
        String name,
        BundleFormat format,
        int documents,
        long sourceBytes,
        long payloadBytes,
        int payloadFiles,
        List<DocumentWarning> warnings,
        List<SourceNote> notes,
        SignatureFiles signature,
        String tagManifestSha512) {
}
