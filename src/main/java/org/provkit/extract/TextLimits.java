package org.provkit.extract;

import java.time.Duration;

/**
 * Bounds on extraction, so no single file can exhaust the run.
 *
 * @param maxTextChars characters of text kept per file (the rest is cut, and the record says so)
 * @param timeout      wall time one file may take to parse
 */
public record TextLimits(long maxTextChars, Duration timeout) {
    public static TextLimits defaults() {
        return new TextLimits(256L * 1024 * 1024, Duration.ofSeconds(120));
    }
}
