package org.provkit.bundle;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.provkit.bag.BagInfo;
import org.provkit.sign.BundleSigner;

/**
 * What {@code bundle} was asked to do.
 *
 * @param name         the bundle name, or null for the default (source name, UTC date, short content hash)
 * @param bagTime      the bagging time; with {@code SOURCE_DATE_EPOCH} it comes from there
 * @param reproducible true when {@code bagTime} is fixed (SOURCE_DATE_EPOCH): no wall-clock time enters the bundle
 * @param registry     an extra party registry file, or null
 * @param threads      extraction threads
 * @param bagInfo      bag-info.txt fields the archivist gives (contact, description, group...), in order
 */
public record BundleRequest(
        List<Path> sources,
        Path outputDir,
        String name,
        BundleFormat format,
        String organization,
        String archivist,
        Optional<BundleSigner> signer,
        Instant bagTime,
        boolean reproducible,
        Path registry,
        int threads,
        List<BagInfo.Entry> bagInfo) {

    public BundleRequest {
        bagInfo = bagInfo == null ? List.of() : List.copyOf(bagInfo);
    }

    /** A request without bag-info fields of the archivist's own. */
    public BundleRequest(List<Path> sources, Path outputDir, String name, BundleFormat format, String organization,
            String archivist, Optional<BundleSigner> signer, Instant bagTime, boolean reproducible, Path registry, int threads) {
        this(sources, outputDir, name, format, organization, archivist, signer, bagTime, reproducible, registry, threads,
                List.of());
    }
}
