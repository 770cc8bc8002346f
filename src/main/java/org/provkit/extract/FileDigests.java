package org.provkit.extract;

/** Size and checksums (lower-case hex) of a file's bytes. */
public record FileDigests(long bytes, String sha256, String sha512) {
}
