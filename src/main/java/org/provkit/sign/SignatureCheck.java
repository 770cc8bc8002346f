package org.provkit.sign;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking a detached CMS signature over a tag manifest.
 * {@code trusted} is null when no trust anchors were given; {@code timestamp} null without a token;
 * {@code problems} are sentences for people, empty when all is well. {@link SignatureVerifier} says
 * exactly what makes each flag false.
 */
public record SignatureCheck(boolean valid, String signerSubject, String signerFingerprintSha256, Boolean trusted,
        Instant timestamp, Boolean timestampValid, List<String> problems) {
}
