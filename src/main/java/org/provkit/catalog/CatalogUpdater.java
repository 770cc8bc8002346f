package org.provkit.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.provkit.ProvkitException;
import org.provkit.verify.Finding;
import org.provkit.verify.Severity;
import org.provkit.verify.VerificationReport;

/**
 * Brings the catalog up to date with an archives folder: bundles that are new or changed (size,
 * modification time, or the trust anchors) are verified and read on a small pool, then written by
 * the calling thread, one transaction each; unchanged bundles are not opened at all; bundles gone
 * from the folder are forgotten.
 */
public final class CatalogUpdater {

    /** Called on the writing thread after each bundle is stored. */
    @FunctionalInterface
    public interface Progress {
        void stored(BundleFile bundle, int done, int total);

        Progress NONE = (bundle, done, total) -> {
        };
    }

    /**
     * What an update did.
     *
     * @param bundles   bundles found in the folder
     * @param indexed   bundles verified and read this time
     * @param unchanged bundles skipped because the catalog already holds them as they are
     * @param removed   bundles forgotten because they left the folder
     */
    public record Stats(int bundles, int indexed, int unchanged, int removed, Duration elapsed) {
    }

    private final Function<Path, VerificationReport> verifier;
    private final String trustKey;
    private final boolean trustRequested;
    private final int threads;

    /**
     * @param verifier verifies one bundle (production: {@code BagVerifier.verify(path, options)}); called
     *                 from pool threads
     * @param trust    the trust anchors the verifier uses, or null (only to tell when to verify again)
     */
    public CatalogUpdater(Function<Path, VerificationReport> verifier, Path trust, int threads) {
        this.verifier = verifier;
        this.trustKey = TrustKey.of(trust);
        this.trustRequested = trust != null;
        this.threads = Math.max(1, threads);
    }

    public Stats update(Path archives, Catalog catalog, Progress progress) {
        return update(CollectionScanner.scan(archives), catalog, progress);
    }

    /** As {@link #update(Path, Catalog, Progress)}, with the folder's bundles already listed. */
    public Stats update(List<BundleFile> found, Catalog catalog, Progress progress) {
        long start = System.nanoTime();
        Map<String, Catalog.StoredState> stored = catalog.storedStates();
        List<BundleFile> changed = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (BundleFile bundle : found) {
            present.add(bundle.relativePath());
            Catalog.StoredState state = stored.get(bundle.relativePath());
            if (state == null || !unchanged(bundle, state)) {
                changed.add(bundle);
            }
        }
        List<String> gone = stored.keySet().stream().filter(path -> !present.contains(path)).sorted().toList();
        if (catalog.readOnly() && (!changed.isEmpty() || !gone.isEmpty())) {
            throw new ProvkitException(org.provkit.ExitCode.UNREADABLE, "the catalog " + catalog.file() + " is read-only and "
                    + (changed.size() + gone.size()) + " bundle(s) changed since it was made; pass --catalog FILE to keep an"
                    + " up-to-date catalog elsewhere");
        }
        indexAll(changed, catalog, progress);
        catalog.remove(gone);
        if (!changed.isEmpty() || !gone.isEmpty() || catalog.created()) {
            catalog.refreshCollection();
        }
        return new Stats(found.size(), changed.size(), found.size() - changed.size(), gone.size(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private boolean unchanged(BundleFile bundle, Catalog.StoredState state) {
        return state.reusable() && state.size() == bundle.size() && state.mtimeNanos() == bundle.mtimeNanos()
                && state.trustKey().equals(trustKey);
    }

    private void indexAll(List<BundleFile> bundles, Catalog catalog, Progress progress) {
        if (bundles.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, bundles.size()), runnable -> {
            Thread thread = new Thread(runnable, "provkit-index");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<IndexedBundle> results = new ExecutorCompletionService<>(pool);
            for (BundleFile bundle : bundles) {
                results.submit(() -> index(bundle));
            }
            for (int done = 1; done <= bundles.size(); done++) {
                IndexedBundle indexed = results.take().get();
                catalog.store(indexed);
                progress.stored(indexed.file(), done, bundles.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvkitException(org.provkit.ExitCode.UNREADABLE, "interrupted while indexing " + bundles.size() + " bundles", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Verifies and reads one bundle (pool thread); what it cannot do becomes findings, not exceptions. */
    IndexedBundle index(BundleFile bundle) {
        VerificationReport report;
        boolean reusable = true;
        try {
            report = verifier.apply(bundle.file());
        } catch (ProvkitException e) {
            report = failedReport(bundle, "E_UNREADABLE", e.getMessage());
        } catch (RuntimeException e) {
            reusable = false;
            report = failedReport(bundle, "E_VERIFY_FAILED", "verification failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        BundleContents contents = BundleContentReader.read(bundle);
        List<CatalogFinding> findings = FindingRules.forBundle(bundle.relativePath(), report, trustRequested, contents);
        return new IndexedBundle(bundle, trustKey, reusable, report, contents, findings);
    }

    private static VerificationReport failedReport(BundleFile bundle, String code, String message) {
        return new VerificationReport(bundle.file().toString(), false, false, false, null, null, null,
                List.of(new Finding(code, Severity.ERROR, "", message)), 0, 0);
    }
}
