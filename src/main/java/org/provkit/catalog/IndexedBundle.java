package org.provkit.catalog;

import java.util.List;

import org.provkit.verify.VerificationReport;

/**
 * Everything the catalog stores about one bundle, ready to be written in one transaction.
 *
 * @param trustKey identifies the trust anchors it was verified against ("" for none)
 * @param reusable false when verification failed for a reason unrelated to the bundle (then the next
 *                 run checks it again even if unchanged)
 */
public record IndexedBundle(BundleFile file, String trustKey, boolean reusable, VerificationReport report,
        BundleContents contents, List<CatalogFinding> findings) {
}
