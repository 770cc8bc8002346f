package org.provkit.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Updates several digests with every byte read. */
final class DigestInputStreams extends FilterInputStream {
    private final MessageDigest[] digests;

    DigestInputStreams(InputStream in, MessageDigest... digests) {
        super(in);
        this.digests = digests;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            for (MessageDigest d : digests) {
                d.update((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            for (MessageDigest d : digests) {
                d.update(b, off, n);
            }
        }
        return n;
    }
}
