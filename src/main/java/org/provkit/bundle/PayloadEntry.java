package org.provkit.bundle;

import java.nio.file.Path;

/**
 * One payload file of a bag being written: its path in the bag, where its bytes are now, and the
 * size and checksums computed when those bytes were first read or written (raw digests: a third
 * of the memory of their hex, for runs of 100,000 files).
 *
 * @param offset   where the bytes start in {@code file} (0 but for texts and records in a staging spool)
 * @param original true for a source file (re-checked while packed, since it could change meanwhile)
 */
record PayloadEntry(String bagPath, Path file, long offset, long size, byte[] sha256, byte[] sha512, boolean original) {

    /** With checksums in hex, as {@link org.provkit.extract.FileDigests} gives them. */
    static PayloadEntry of(String bagPath, Path file, long offset, long size, String sha256, String sha512, boolean original) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return new PayloadEntry(bagPath, file, offset, size, hex.parseHex(sha256), hex.parseHex(sha512), original);
    }
}
