package org.provkit.verify;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying one target (bag directory, .tar, .tar.gz or .zip).
 * {@code valid}: no error found by the checks that ran ({@code checks}: "full" = every checksum,
 * "fast" = tag checksums, sizes and Payload-Oxum but no payload checksum, "completeness" = no checksum);
 * {@code complete}: RFC 8493 §3 completeness (every listed file present, every payload file listed).
 * {@code signed}: a signature is present and cryptographically valid; {@code trusted} is null when no trust
 * anchors were given; {@code timestamp} is null without a token. {@code bagitVersion} is null when
 * bagit.txt could not be read.
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
        long payloadFiles,
        String bagitVersion,
        String checks) {

    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** A report without the BagIt version, of a full check (what callers that build reports by hand need). */
    public VerificationReport(String target, boolean valid, boolean complete, boolean signed, String signer,
            Boolean trusted, Instant timestamp, List<Finding> findings, long payloadBytes, long payloadFiles) {
        this(target, valid, complete, signed, signer, trusted, timestamp, findings, payloadBytes, payloadFiles, null, "full");
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }
}
