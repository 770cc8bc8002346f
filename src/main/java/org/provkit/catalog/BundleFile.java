package org.provkit.catalog;

import java.nio.file.Path;

/**
 * One bundle found in the archives folder, with what tells whether it changed since it was indexed.
 *
 * @param relativePath its path relative to the archives folder, '/'-separated (the catalog key)
 * @param size         bytes of the file (a folder: of every file in it)
 * @param mtimeNanos   last modification (a folder: the latest of any file or folder in it)
 */
public record BundleFile(String relativePath, Path file, BundleFormat format, long size, long mtimeNanos) {
}
