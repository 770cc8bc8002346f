package org.provkit.bundle;

import java.nio.file.Path;
import java.util.List;

import org.provkit.sign.SignatureFiles;

/** What {@code bundle} wrote. {@code signature} is null for an unsigned bundle. */
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
        SignatureFiles signature) {
}
