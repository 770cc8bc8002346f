package org.provkit.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

import javax.security.auth.x500.X500Principal;

/** What people need to recognise a certificate: names, SHA-256 fingerprint (lower-case hex), validity, key. */
public record CertificateInfo(String subject, String issuer, String fingerprintSha256, String serialNumber,
        Instant notBefore, Instant notAfter, String key) {

    public static CertificateInfo of(X509Certificate certificate) {
        return new CertificateInfo(name(certificate.getSubjectX500Principal()), name(certificate.getIssuerX500Principal()),
                fingerprintSha256(certificate), certificate.getSerialNumber().toString(16),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                KeyType.describe(certificate.getPublicKey()));
    }

    /** RFC 2253 form ("CN=…,O=…"), the form openssl -nameopt RFC2253 and Java print. */
    static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    public static String fingerprintSha256(X509Certificate certificate) {
        try {
            return sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
