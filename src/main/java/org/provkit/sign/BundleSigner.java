package org.provkit.sign;

import java.io.IOException;

/** Signs the bytes of a bundle's {@code tagmanifest-sha512.txt}. */
public interface BundleSigner {
    SignatureFiles sign(byte[] tagManifestSha512) throws IOException;
}
