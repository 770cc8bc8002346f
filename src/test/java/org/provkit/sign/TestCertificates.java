package org.provkit.sign;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and keys for tests: self-signed signers, CAs and what they issue, expired ones. */
final class TestCertificates {

    enum Role { SIGNER, CA, TSA, CODE_SIGNER, KEY_AGREEMENT_ONLY }

    private TestCertificates() {
    }

    /** Issues a certificate for {@code subjectKeys}, signed by {@code issuerKeys} (self-signed when issuer is null). */
    static X509Certificate issue(KeyPair subjectKeys, KeyPair issuerKeys, X509Certificate issuer, String subject,
            Instant notBefore, Instant notAfter, Role role) {
        try {
            X500Name subjectName = SelfSignedCertificates.parseSubject(subject);
            X500Name issuerName = issuer == null ? subjectName : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(96, new SecureRandom()).setBit(95), Date.from(notBefore), Date.from(notAfter), subjectName,
                    subjectKeys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            switch (role) {
                case CA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case TSA -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                case SIGNER -> builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                case CODE_SIGNER -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
                }
                case KEY_AGREEMENT_ONLY -> builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement));
            }
            String algorithm = KeyType.of(issuerKeys.getPublic()).signatureAlgorithm();
            return KeyFiles.toX509(builder.build(new JcaContentSignerBuilder(algorithm)
                    .build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
        }
    }

    /** A fresh key with a self-signed certificate valid from a day ago for a year. */
    static SigningKey selfSigned(KeyType type, String subject) {
        KeyPair keys = type.generate();
        Instant now = Instant.now();
        return new SigningKey(keys.getPrivate(), List.of(issue(keys, keys, null, subject, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), Role.SIGNER)));
    }

    /** A fresh self-signed key in the given role (SIGNER, CODE_SIGNER, KEY_AGREEMENT_ONLY). */
    static SigningKey selfSigned(KeyType type, String subject, Role role) {
        KeyPair keys = type.generate();
        Instant now = Instant.now();
        return new SigningKey(keys.getPrivate(), List.of(issue(keys, keys, null, subject, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), role)));
    }

    /** A self-signed key valid only between the two times. */
    static SigningKey selfSigned(KeyType type, String subject, Instant notBefore, Instant notAfter) {
        KeyPair keys = type.generate();
        return new SigningKey(keys.getPrivate(), List.of(issue(keys, keys, null, subject, notBefore, notAfter, Role.SIGNER)));
    }

    /** A CA and a signing key it issued; the key's chain is [signer, CA]. */
    record Issued(SigningKey key, X509Certificate ca, KeyPair caKeys) {
    }

    static Issued issuedByCa(KeyType type, String subject) {
        Instant now = Instant.now();
        KeyPair caKeys = KeyType.EC.generate();
        X509Certificate ca = issue(caKeys, caKeys, null, "CN=provkit test archive CA,O=provkit tests", now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(3650)), Role.CA);
        KeyPair keys = type.generate();
        X509Certificate signer = issue(keys, caKeys, ca, subject, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                Role.SIGNER);
        return new Issued(new SigningKey(keys.getPrivate(), List.of(signer, ca)), ca, caKeys);
    }
}
