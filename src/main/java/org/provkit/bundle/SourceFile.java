package org.provkit.bundle;

import java.nio.file.Path;

/**
 * A regular file to bundle. {@code recordedPath} is its '/'-separated path as the bundle records it:
 * the source folder's name followed by the path inside it, or just the name of a file given directly.
 */
public record SourceFile(Path file, String recordedPath, long size) {
}
