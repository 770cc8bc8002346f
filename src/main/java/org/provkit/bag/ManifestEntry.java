package org.provkit.bag;

/**
 * One line of a manifest as read: the bag-relative path (decoded, {@code ./} and md5sum {@code *} removed),
 * the checksum in lower-case hex, and the line number for messages.
 */
public record ManifestEntry(String path, String checksum, int line) {
}
