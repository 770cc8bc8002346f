package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes a sequence of streams with several algorithms at once, one thread per algorithm: the caller's
 * thread only reads (and decompresses) into a small pool of large buffers and hands each buffer to every
 * algorithm's thread. A stream read once thus costs the time of the slowest algorithm, not the sum, and
 * reading overlaps hashing. Results land in the {@link BagFile} when its last buffer is hashed; call
 * {@link #await} before reading them.
 */
public final class DigestPipeline implements AutoCloseable {

    public static final int CHUNK_SIZE = 1 << 20;
    private static final int BUFFERS = 6;

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Map<ChecksumAlgorithm, Worker> workers = new EnumMap<>(ChecksumAlgorithm.class);
    private volatile Throwable failure;

    public DigestPipeline() {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[CHUNK_SIZE]);
        }
    }

    /**
     * Reads {@code in} to its end, hashing with {@code algorithms}; returns the number of bytes read.
     * When reading fails the digests are not stored and the exception passes on.
     */
    public long hash(InputStream in, Set<ChecksumAlgorithm> algorithms, BagFile target) throws IOException {
        Worker[] selected = algorithms.stream().map(this::worker).toArray(Worker[]::new);
        Begin begin = new Begin(target);
        for (Worker worker : selected) {
            worker.queue.add(begin);
        }
        long total = 0;
        boolean ok = false;
        try {
            while (true) {
                byte[] buffer = takeBuffer();
                int n = readFully(in, buffer);
                if (n <= 0) {
                    free.add(buffer);
                    break;
                }
                total += n;
                if (selected.length == 0) {
                    free.add(buffer);
                } else {
                    Chunk chunk = new Chunk(buffer, n, new AtomicInteger(selected.length));
                    for (Worker worker : selected) {
                        worker.queue.add(chunk);
                    }
                }
                if (n < buffer.length) {
                    break;
                }
            }
            ok = true;
        } finally {
            End end = new End(target, ok);
            for (Worker worker : selected) {
                worker.queue.add(end);
            }
        }
        return total;
    }

    /** Waits until every stream handed in so far is hashed. */
    public void await() {
        CountDownLatch latch = new CountDownLatch(workers.size());
        for (Worker worker : workers.values()) {
            worker.queue.add(new Barrier(latch));
        }
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        }
        if (failure != null) {
            throw new IllegalStateException("a hashing thread failed", failure);
        }
    }

    @Override
    public void close() {
        for (Worker worker : workers.values()) {
            worker.queue.add(Stop.INSTANCE);
        }
    }

    private byte[] takeBuffer() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private Worker worker(ChecksumAlgorithm algorithm) {
        return workers.computeIfAbsent(algorithm, a -> {
            Worker worker = new Worker(a);
            Thread thread = new Thread(worker, "provkit-" + a.bagitName());
            thread.setDaemon(true);
            thread.start();
            return worker;
        });
    }

    private sealed interface Task permits Begin, Chunk, End, Barrier, Stop {
    }

    private record Begin(BagFile target) implements Task {
    }

    private record Chunk(byte[] buffer, int length, AtomicInteger pending) implements Task {
    }

    private record End(BagFile target, boolean ok) implements Task {
    }

    private record Barrier(CountDownLatch latch) implements Task {
    }

    private enum Stop implements Task {
        INSTANCE
    }

    private final class Worker implements Runnable {
        private final ChecksumAlgorithm algorithm;
        private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();

        Worker(ChecksumAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        public void run() {
            MessageDigest digest = algorithm.newDigest();
            while (true) {
                Task task;
                try {
                    task = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (task instanceof Begin) {
                        digest.reset();
                    } else if (task instanceof Chunk chunk) {
                        digest.update(chunk.buffer(), 0, chunk.length());
                        if (chunk.pending().decrementAndGet() == 0) {
                            free.add(chunk.buffer());
                        }
                    } else if (task instanceof End end) {
                        byte[] result = digest.digest();
                        if (end.ok()) {
                            end.target().putDigest(algorithm, result);
                        }
                    } else if (task instanceof Barrier barrier) {
                        barrier.latch().countDown();
                    } else {
                        return;
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                    if (task instanceof Barrier barrier) {
                        barrier.latch().countDown();
                    }
                }
            }
        }
    }
}
