package org.provkit.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;

import org.provkit.catalog.Catalog;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.VerificationReport;
import org.provkit.verify.VerifyOptions;

/**
 * {@code provkit audit} without the command line: bring the folder's catalog up to date (verifying new
 * and changed bundles on a pool), then read the report back from the catalog.
 */
public final class AuditService {

    /**
     * @param archives the folder of bundles (the catalog lives in it)
     * @param trust    trust anchors the verifier was given, or null
     * @param reindex  rebuild the catalog from scratch
     * @param threads  bundles verified at once
     */
    public record Options(Path archives, Path trust, boolean reindex, int threads) {
    }

    private final Function<Path, VerificationReport> verifier;

    /** @param verifier production: {@code p -> BagVerifier.verify(p, new VerifyOptions(trust, false, false))} */
    public AuditService(Function<Path, VerificationReport> verifier) {
        this.verifier = verifier;
    }

    /** The production service: each bundle checked by {@link BagVerifier} against {@code trust} (null: no trust decision). */
    public static AuditService withBagVerifier(Path trust) {
        VerifyOptions options = new VerifyOptions(trust, false, false);
        return new AuditService(bundle -> BagVerifier.verify(bundle, options));
    }

    public AuditReport run(Options options, CatalogUpdater.Progress progress) {
        CatalogUpdater updater = new CatalogUpdater(verifier, options.trust(), options.threads());
        try (Catalog catalog = Catalog.open(Catalog.fileIn(options.archives()), options.reindex())) {
            CatalogUpdater.Stats stats = updater.update(options.archives(), catalog, progress);
            return AuditReportLoader.load(catalog, options.archives().toString(), stats, options.trust() != null,
                    Instant.now());
        }
    }
}
