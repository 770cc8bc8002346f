package org.provkit.container;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
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

    private static final Pattern BASE16 = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+");

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
        int colon = value.indexOf(':');
        MessageDigest digester;
        try {
            digester = colon <= 0 ? null : WarcDigest.getDigester(value.substring(0, colon).strip());
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            digester = null;
        }
        if (digester == null) {
            return new RecordedDigest(value, null, null);
        }
        byte[] expected = decode(value.substring(colon + 1).strip(), digester.getDigestLength());
        return new RecordedDigest(value, expected == null ? INVALID : expected, digester);
    }

    /**
     * The bytes of a value written in base16, base32 (the WARC guidelines' form; padded or not, either case) or
     * base64, told apart by their alphabet and their length for the algorithm (no two forms have the same length
     * for the same digest); null when it is none of them. jwarc tells them apart by length alone, and reads an
     * MD5 in padded base32, 32 characters long, as base16.
     */
    static byte[] decode(String value, int bytes) {
        if (value.length() == 2 * bytes && BASE16.matcher(value).matches()) {
            return HexFormat.of().parseHex(value);
        }
        String unpadded = value.replaceFirst("=+$", "");
        if (unpadded.length() == (8 * bytes + 4) / 5 && BASE32.matcher(unpadded).matches()) {
            return new Base32().decode(unpadded.toUpperCase(Locale.ROOT));
        }
        if (unpadded.length() == (4 * bytes + 2) / 3 && BASE64.matcher(unpadded).matches()) {
            return Base64.getDecoder().decode(unpadded);
        }
        return null;
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
