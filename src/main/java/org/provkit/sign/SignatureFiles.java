package org.provkit.sign;

import java.time.Instant;
import java.util.SortedMap;

/**
 * What signing produced: the files to store under {@code signature/} (name → bytes, e.g.
 * {@code tagmanifest-sha512.txt.p7s}, {@code signer.pem}, {@code *.tsr}), who signed, the SHA-256
 * fingerprint of the signer certificate (lower-case hex), and the timestamp time (null without one).
 */
public record SignatureFiles(SortedMap<String, byte[]> files, String signerSubject, String signerFingerprintSha256,
        Instant timestamp) {
}
