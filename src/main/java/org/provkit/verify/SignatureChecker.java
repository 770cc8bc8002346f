package org.provkit.verify;

import java.nio.file.Path;

import org.provkit.sign.SignatureCheck;
import org.provkit.sign.SignatureVerifier;

/** Checks the detached signature over {@code tagmanifest-sha512.txt}; a seam so tests can stand in for the CMS code. */
@FunctionalInterface
public interface SignatureChecker {

    SignatureCheck check(byte[] tagManifestSha512, byte[] p7s, Path trust);

    /** The real check: CMS signature, certificate chain against {@code trust}, RFC 3161 token. */
    static SignatureChecker cms() {
        return SignatureVerifier::verify;
    }
}
