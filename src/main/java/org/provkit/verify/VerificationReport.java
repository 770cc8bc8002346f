package org.provkit.verify;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying one target (bag directory, .tar, .tar.gz or .zip).
 * {@code trusted} is null when no trust anchors were given; {@code timestamp} is null without a token.
 */
public record VerificationReport(
        String target,
        boolean valid,
        boolean complete,
        boolean signed,
        String signer,
        Boolean trusted,
        Instant timestamp,
        List<Finding> findings,
        long payloadBytes,
        long payloadFiles) {
}
