package org.provkit.sign;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.provkit.ProvkitException;

/**
 * Self-signed signing certificates: key usage digitalSignature (critical) and no extended key
 * usage, so that {@code openssl cms -verify -CAfile signer.pem} accepts them without {@code -purpose any}.
 */
public final class SelfSignedCertificates {

    private SelfSignedCertificates() {
    }

    public static X509Certificate create(KeyPair keys, String subject, KeyType type, Instant notBefore, Duration validity) {
        X500Name name = parseSubject(subject);
        try {
            // 128 random bits, positive: unique without a registry (RFC 5280 allows up to 20 octets).
            BigInteger serial = new BigInteger(128, new SecureRandom()).setBit(127);
            Instant start = notBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(start),
                    Date.from(start.plus(validity)), name, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(keys.getPublic()));
            ContentSigner signer = new JcaContentSignerBuilder(type.signatureAlgorithm()).build(keys.getPrivate());
            return KeyFiles.toX509(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a self-signed certificate for " + subject, e);
        }
    }

    /** Parses "CN=…,O=…"; a usage error naming the text when it is not a distinguished name. */
    public static X500Name parseSubject(String subject) {
        try {
            // RFC 2253 order, as Java and LDAP write it: "CN=Jane,O=Archive" is O above CN.
            javax.security.auth.x500.X500Principal principal = new javax.security.auth.x500.X500Principal(subject);
            X500Name name = X500Name.getInstance(principal.getEncoded());
            if (name.getRDNs().length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return name;
        } catch (RuntimeException e) {
            throw ProvkitException.usage("--subject '" + subject + "' is not a distinguished name such as \"CN=Jane Doe,O=City Archive\"");
        }
    }
}
