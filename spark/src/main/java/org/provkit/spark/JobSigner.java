package org.provkit.spark;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.provkit.sign.BundleSigner;
import org.provkit.sign.CmsBundleSigner;
import org.provkit.sign.HttpTimestampAuthority;
import org.provkit.sign.SigningKey;

/**
 * What executors sign with: the job's own key (never the institution's), its job certificate issued by the
 * institution, and the institution's chain after it; plus the time-stamping authority, if any. Plain
 * bytes, so that Spark can ship it in a task.
 */
public record JobSigner(String keyAlgorithm, byte[] pkcs8, List<byte[]> chainDer, String tsa) implements Serializable {

    public BundleSigner signer() {
        return new CmsBundleSigner(signingKey(), Optional.ofNullable(tsa).map(URI::create).map(HttpTimestampAuthority::new));
    }

    public SigningKey signingKey() {
        try {
            PrivateKey key = KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(key, chain());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the job key cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The job certificate, then the institution's chain. */
    public List<X509Certificate> chain() {
        return certificates(chainDer);
    }

    /** The institution's certificates: what bundles are verified against. */
    public List<X509Certificate> institution() {
        return certificates(chainDer.subList(1, chainDer.size()));
    }

    static List<X509Certificate> certificates(List<byte[]> ders) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (byte[] der : ders) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a certificate cannot be read back: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JobSigner[" + chain().get(0).getSubjectX500Principal().getName() + "]";
    }
}
