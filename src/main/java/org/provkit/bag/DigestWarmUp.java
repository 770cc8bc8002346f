package org.provkit.bag;

import java.security.MessageDigest;
import java.util.Set;

/**
 * Gets the JIT to compile the JDK's checksum loop (where SHA-NI and AVX2 come in) before the first
 * large file is hashed, on a short background thread while the command is still starting up and the
 * second core is idle. Until that compile, SHA-512 runs at a fraction of its speed: without this, the
 * first 0.3 s of hashing a large bag ran on slow code. The launcher lowers the compile threshold of that
 * one loop; this gives it the calls to count.
 */
public final class DigestWarmUp {

    private static final int CALLS = 256;
    private static final int BYTES_PER_CALL = 1024;

    private DigestWarmUp() {
    }

    public static void start(Set<ChecksumAlgorithm> algorithms) {
        Thread thread = new Thread(() -> run(algorithms), "provkit-digest-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run(Set<ChecksumAlgorithm> algorithms) {
        byte[] data = new byte[BYTES_PER_CALL];
        MessageDigest[] digests = algorithms.stream().map(ChecksumAlgorithm::newDigest).toArray(MessageDigest[]::new);
        // In turn, so that the compiled loop has seen every digest class and is not thrown away at the next.
        for (int i = 0; i < CALLS; i++) {
            for (MessageDigest digest : digests) {
                digest.update(data, 0, data.length);
            }
        }
    }
}
