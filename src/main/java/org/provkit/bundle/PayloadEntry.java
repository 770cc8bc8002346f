package org.provkit.bundle;

import java.nio.file.Path;

/**
 * One payload file of a bag being written: its path in the bag, where its bytes are now, and the
 * size and checksums computed when those bytes were first read or written.
 *
 * @param offset   where the bytes start in {@code file} (0 but for texts and records in a staging spool)
 * @param original true for a source file (re-checked while packed, since it could change meanwhile)
 */
record PayloadEntry(String bagPath, Path file, long offset, long size, String sha256, String sha512, boolean original) {
}
