package org.provkit.bag;

/**
 * Bounds on what reading an untrusted archive may cost: the number of entries, and for compressed
 * archives (gzip, zip) the bytes decompressed, at most {@code maxExpansion} times the archive's size
 * plus {@code slackBytes}; tag files kept in memory are at most {@code maxTagFileBytes} each.
 */
public record ArchiveLimits(long maxEntries, long maxExpansion, long slackBytes, int maxTagFileBytes) {

    public static ArchiveLimits defaults() {
        return new ArchiveLimits(2_000_000, 1_000, 64L << 20, 256 << 20);
    }

    /** The most bytes a compressed archive of {@code compressedBytes} may expand to. */
    public long maxExpandedBytes(long compressedBytes) {
        long scaled = compressedBytes > Long.MAX_VALUE / maxExpansion ? Long.MAX_VALUE : compressedBytes * maxExpansion;
        return scaled > Long.MAX_VALUE - slackBytes ? Long.MAX_VALUE : scaled + slackBytes;
    }
}
