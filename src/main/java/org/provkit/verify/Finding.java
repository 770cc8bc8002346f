package org.provkit.verify;

/**
 * One thing a check found, as a value: a stable code ({@code E_CHECKSUM}, {@code W_CASE_COLLISION}, ...),
 * its severity, the file it concerns (relative to the bag root; never null, "" for the bag itself)
 * and a sentence for people.
 */
public record Finding(String code, Severity severity, String path, String message) {
}
