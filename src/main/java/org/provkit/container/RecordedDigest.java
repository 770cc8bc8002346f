package org.provkit.container;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.netpreserve.jwarc.WarcDigest;

/**
 * A digest a WARC record declares ({@code sha1:BASE32}, or base16 or base64), with a digester of its
 * algorithm to check it against the bytes.
 */
final class RecordedDigest {

    /** What a check found, as records say it. */
    enum Result {
        OK, MISMATCH, ABSENT, UNCHECKED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Stands for a value of a known algorithm that cannot be decoded: it matches nothing. */
    private static final byte[] INVALID = new byte[0];

    private final String raw;
    private final byte[] expected;
    private final MessageDigest digester;

    private RecordedDigest(String raw, byte[] expected, MessageDigest digester) {
        this.raw = raw;
        this.expected = expected;
        this.digester = digester;
    }

    /** The digest a header declares; null when there is none. An unknown algorithm gives an unchecked digest. */
    static RecordedDigest of(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        WarcDigest digest;
        MessageDigest digester;
        try {
            digest = new WarcDigest(value);
            digester = WarcDigest.getDigester(digest.algorithm());
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            return new RecordedDigest(value, null, null);
        }
        try {
            // jwarc reads base32 (WARC's usual form), base16 and base64 values alike, as warcio does.
            byte[] expected = digest.bytes();
            if (expected.length >= digester.getDigestLength()) {
                return new RecordedDigest(value, Arrays.copyOf(expected, digester.getDigestLength()), digester);
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            // a value that is no digest of its algorithm can match nothing
        }
        return new RecordedDigest(value, INVALID, digester);
    }

    String raw() {
        return raw;
    }

    /** A fresh digester of this digest's algorithm, or null when the algorithm is unknown. */
    MessageDigest newDigester() {
        if (digester == null) {
            return null;
        }
        try {
            return (MessageDigest) digester.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    /** Compares a finished digester's value with the declared one. */
    Result check(MessageDigest computed) {
        if (expected == null || computed == null) {
            return Result.UNCHECKED;
        }
        return expected != INVALID && Arrays.equals(expected, computed.digest()) ? Result.OK : Result.MISMATCH;
    }
}
