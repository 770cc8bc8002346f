package org.provkit.sign;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * The key types provkit signs with. Both verify with OpenSSL 3.0's {@code cms -verify}; Ed25519 is
 * deliberately absent because OpenSSL 3.0 cannot check it inside CMS.
 */
public enum KeyType {
    /** ECDSA on NIST P-256 (the default): small keys, fast signatures. */
    EC("SHA256withECDSA"),
    /** RSA with a 3072-bit modulus, PKCS#1 v1.5 signatures. */
    RSA("SHA256withRSA");

    private final String signatureAlgorithm;

    KeyType(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public KeyPair generate() {
        try {
            if (this == EC) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key", e);
        }
    }

    /** The type of a public key, or null for a key provkit does not sign with (Ed25519, DSA, ...). */
    public static KeyType of(PublicKey key) {
        if (key instanceof ECPublicKey || "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm())) {
            return EC;
        }
        if (key instanceof RSAPublicKey || "RSA".equals(key.getAlgorithm())) {
            return RSA;
        }
        return null;
    }

    /** A short description for people: "EC P-256", "RSA 3072". */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits == 256 ? "EC P-256" : "EC " + bits + "-bit";
        }
        return key.getAlgorithm();
    }
}
