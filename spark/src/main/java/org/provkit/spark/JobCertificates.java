package org.provkit.spark;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.provkit.ProvkitException;
import org.provkit.sign.CertificateInfo;
import org.provkit.sign.KeyType;
import org.provkit.sign.SigningKey;

/**
 * Issues, on the driver, the certificate of a key made for one job, signed by the institution's key, so
 * that the institution's key never leaves the driver while every bundle still verifies as trusted against
 * the institution's certificate ({@code provkit verify --trust}, {@code openssl cms -verify -CAfile}).
 *
 * <p>How long it is valid: a verifier without a timestamp checks the signer's certificate at the time of
 * verification, so a certificate that expired makes every bundle it signed fail years later. A job
 * certificate is therefore short-lived only when each signature is timestamped ({@code --tsa}): then it is
 * valid for the job ({@code days}); without a timestamp it is valid as long as the institution's own.
 */
public final class JobCertificates {

    private JobCertificates() {
    }

    /** A fresh P-256 key and its certificate from {@code institution}. */
    public static JobSigner issue(SigningKey institution, String jobName, Instant now, Duration validity, String tsa) {
        X509Certificate issuer = institution.certificate();
        requireIssuer(issuer);
        KeyPair keys = KeyType.EC.generate();
        Instant notBefore = now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant issuerEnd = issuer.getNotAfter().toInstant();
        Instant notAfter = tsa == null ? issuerEnd : min(now.plus(validity), issuerEnd);
        try {
            X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            X500Name subject = new X500Name("CN=provkit job " + safe(jobName) + ", OU=provkit-spark");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(128, new SecureRandom()).setBit(127), Date.from(notBefore), Date.from(notAfter),
                    subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(institution.type().signatureAlgorithm()).build(institution.privateKey())));
            List<byte[]> chain = new ArrayList<>();
            chain.add(certificate.getEncoded());
            for (X509Certificate certificateOfInstitution : institution.chain()) {
                chain.add(certificateOfInstitution.getEncoded());
            }
            return new JobSigner(keys.getPrivate().getAlgorithm(), keys.getPrivate().getEncoded(), chain, tsa);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the job certificate: " + e.getMessage(), e);
        }
    }

    /**
     * A certificate that may sign other certificates: a CA (basicConstraints) whose key usage, if any,
     * has keyCertSign. OpenSSL and Java's path validation both insist on it.
     */
    static void requireIssuer(X509Certificate issuer) {
        boolean[] usage = issuer.getKeyUsage();
        boolean ca = issuer.getBasicConstraints() >= 0;
        if (!ca || (usage != null && !usage[5])) {
            throw ProvkitException.usage("certificate '" + CertificateInfo.of(issuer).subject()
                    + "' cannot issue job certificates (it needs basicConstraints CA:TRUE and keyUsage keyCertSign); "
                    + "the institution's key never goes to the executors, so sign with a signing CA of the institution "
                    + "(see docs/spark.md, 'Keys')");
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String safe(String name) {
        return name.replaceAll("[,+=\"\\\\<>;#]", "_");
    }
}
