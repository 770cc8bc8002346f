package org.provkit.sign;

import java.nio.file.Path;

/** Checks a detached CMS signature (and any embedded RFC 3161 token) over signed content. */
public final class SignatureVerifier {

    private SignatureVerifier() {
    }

    /** @param trust a certificate file or folder of certificates; null for no trust decision */
    public static SignatureCheck verify(byte[] signedContent, byte[] cmsDer, Path trust) {
        throw new UnsupportedOperationException("signature verification: being built (issue 4)");
    }
}
