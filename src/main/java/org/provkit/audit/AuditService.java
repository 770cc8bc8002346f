package org.provkit.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.provkit.catalog.BundleFile;
import org.provkit.catalog.Catalog;
import org.provkit.catalog.CatalogLocation;
import org.provkit.catalog.CollectionScanner;
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
     * @param archives the folder of bundles
     * @param trust    trust anchors the verifier was given, or null
     * @param reindex  rebuild the catalog from scratch
     * @param threads  bundles verified at once
     * @param catalog  the catalog file, or null for {@code archives/catalog.sqlite}
     */
    public record Options(Path archives, Path trust, boolean reindex, int threads, Path catalog) {
        public Options(Path archives, Path trust, boolean reindex, int threads) {
            this(archives, trust, reindex, threads, null);
        }
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
        CatalogLocation location = CatalogLocation.of(options.archives(), options.catalog());
        List<BundleFile> found = bundlesOrNone(options.archives(), location, "audit");
        CatalogUpdater updater = new CatalogUpdater(verifier, options.trust(), options.threads());
        try (Catalog catalog = location.openForUpdate(options.reindex())) {
            CatalogUpdater.Stats stats = updater.update(found, catalog, progress);
            return AuditReportLoader.load(catalog, options.archives().toString(), stats, options.trust() != null,
                    Instant.now());
        }
    }

    /**
     * Brings the catalog up to date without a report (what {@code search} does when there is no catalog yet).
     *
     * @param starting run once the folder is known to hold bundles and the catalog could be opened (to say so)
     */
    public CatalogUpdater.Stats update(Options options, CatalogUpdater.Progress progress, Runnable starting) {
        CatalogLocation location = CatalogLocation.of(options.archives(), options.catalog());
        List<BundleFile> found = bundlesOrNone(options.archives(), location, "search");
        try (Catalog catalog = location.openForUpdate(options.reindex())) {
            starting.run();
            return new CatalogUpdater(verifier, options.trust(), options.threads()).update(found, catalog, progress);
        }
    }

    /** The folder's bundles; a folder with none (and no catalog yet) is an error, and nothing is created in it. */
    private static List<BundleFile> bundlesOrNone(Path archives, CatalogLocation location, String command) {
        List<BundleFile> found = CollectionScanner.scan(archives);
        if (found.isEmpty() && !location.exists()) {
            throw CatalogLocation.noBundles(archives, command);
        }
        return found;
    }
}
