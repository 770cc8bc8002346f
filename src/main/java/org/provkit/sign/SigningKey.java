package org.provkit.sign;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain (signer first). {@link #toString()} never shows the key.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public KeyType type() {
        return KeyType.of(certificate().getPublicKey());
    }

    public CertificateInfo info() {
        return CertificateInfo.of(certificate());
    }

    @Override
    public String toString() {
        return "SigningKey[" + info().subject() + ", sha256 " + info().fingerprintSha256() + "]";
    }
}
