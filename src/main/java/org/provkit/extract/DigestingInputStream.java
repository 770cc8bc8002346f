package org.provkit.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.provkit.bag.ChecksumAlgorithm;

/**
 * Computes SHA-256 and SHA-512 of everything read through it, so the file read that feeds the parser
 * also yields the manifest checksums. {@link #finish} drains what the parser left unread.
 */
public final class DigestingInputStream extends FilterInputStream {

    private final MessageDigest sha256 = ChecksumAlgorithm.SHA256.newDigest();
    private final MessageDigest sha512 = ChecksumAlgorithm.SHA512.newDigest();
    private long count;

    public DigestingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha256.update((byte) b);
            sha512.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            sha512.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // marks would let bytes be digested twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Reads what is left, then returns the digests of every byte of the stream. */
    public FileDigests finish() throws IOException {
        byte[] buffer = new byte[1 << 20];
        while (read(buffer, 0, buffer.length) >= 0) {
            // drain
        }
        HexFormat hex = HexFormat.of();
        return new FileDigests(count, hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()));
    }
}
