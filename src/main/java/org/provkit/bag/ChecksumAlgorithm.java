package org.provkit.bag;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** The manifest algorithms provkit reads; {@link #bagitName()} is the name in {@code manifest-<name>.txt}. */
public enum ChecksumAlgorithm {
    MD5("md5", "MD5"),
    SHA1("sha1", "SHA-1"),
    SHA224("sha224", "SHA-224"),
    SHA256("sha256", "SHA-256"),
    SHA384("sha384", "SHA-384"),
    SHA512("sha512", "SHA-512");

    private final String bagitName;
    private final String jcaName;

    ChecksumAlgorithm(String bagitName, String jcaName) {
        this.bagitName = bagitName;
        this.jcaName = jcaName;
    }

    public String bagitName() {
        return bagitName;
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }

    public String manifestName() {
        return "manifest-" + bagitName + ".txt";
    }

    public String tagManifestName() {
        return "tagmanifest-" + bagitName + ".txt";
    }

    /** The algorithm a BagIt name ({@code sha256}, {@code SHA-256}, ...) stands for. */
    public static Optional<ChecksumAlgorithm> fromBagitName(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace("-", "");
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.bagitName.equals(normal)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
