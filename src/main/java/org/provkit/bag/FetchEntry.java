package org.provkit.bag;

/** One line of {@code fetch.txt}: where a payload file could be fetched from (never done by provkit). */
public record FetchEntry(String url, long length, String path, int line) {
    /** {@code length} when fetch.txt gives {@code -}. */
    public static final long UNKNOWN_LENGTH = -1;
}
