package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
    /**
     * Regions at least this large may be hashed with each algorithm on its own thread: worth it when one
     * file is much of the work (a single 10 GB file takes the time of its slowest algorithm instead of
     * the sum), but each algorithm then reads the region again.
     */
    static final long SPLIT_BYTES = 16L << 20;
    /** Regions handed to the threads and not yet hashed, at most: enough that reading the tag files and
     * checking the signature overlap the hashing, few enough that the backlog stays a few MB. */
    private static final int MAX_QUEUED_REGIONS = 1 << 16;
    private static final ThreadLocal<byte[]> REGION_BUFFER = ThreadLocal.withInitial(() -> new byte[CHUNK_SIZE]);

    private final Map<Path, FileChannel> channels = new HashMap<>();
    private ExecutorService regionPool;
    private int outstanding;

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Map<ChecksumAlgorithm, Worker> workers = new EnumMap<>(ChecksumAlgorithm.class);
    private volatile Throwable failure;

    private final long expectedBytes;

    /** A pipeline that does not know how much it will hash: every region from {@link #SPLIT_BYTES} is split. */
    public DigestPipeline() {
        this(0);
    }

    /**
     * A pipeline for about {@code expectedBytes} in all (0 when unknown), which splits a region by
     * algorithm only when it is more than one core's share of that: four files of 128 MiB in a 600 MB bag
     * keep the cores busy whole, and are read once instead of twice.
     */
    public DigestPipeline(long expectedBytes) {
        this.expectedBytes = expectedBytes;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[CHUNK_SIZE]);
        }
    }

    /** Whether a region of this length is hashed as one task per algorithm. */
    boolean splitsByAlgorithm(long length) {
        return length >= SPLIT_BYTES && length > expectedBytes / threads();
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

    /**
     * Hashes a region that lies in a file on disk, in the background, by position: regions are spread
     * over one thread per core, a large region with several algorithms as one task per algorithm, so
     * hashing takes the time of the total work divided by the cores rather than that of the slowest
     * algorithm over every byte. The digests and byte count land in {@code target} (or a read error);
     * {@link #await} waits for them. Counts the region's bytes into {@code progress} as they are read.
     */
    public void hashRegion(RegionInputStream region, Set<ChecksumAlgorithm> algorithms, BagFile target,
            AtomicLong progress) {
        List<Set<ChecksumAlgorithm>> tasks = new ArrayList<>();
        if (algorithms.size() > 1 && splitsByAlgorithm(region.length())) {
            algorithms.forEach(a -> tasks.add(EnumSet.of(a)));
        } else {
            tasks.add(algorithms.isEmpty() ? EnumSet.noneOf(ChecksumAlgorithm.class) : EnumSet.copyOf(algorithms));
        }
        RegionJob job = new RegionJob(target, tasks.size());
        synchronized (this) {
            // A bounded backlog: a bag of a million small files must not queue a million tasks.
            while (outstanding >= MAX_QUEUED_REGIONS) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while hashing", e);
                }
            }
            outstanding += tasks.size();
        }
        for (int i = 0; i < tasks.size(); i++) {
            Set<ChecksumAlgorithm> selected = tasks.get(i);
            AtomicLong counted = i == 0 ? progress : null;
            regionPool().execute(() -> {
                try {
                    hashRegionNow(region, selected, job, counted);
                } finally {
                    synchronized (this) {
                        outstanding--;
                        notifyAll();
                    }
                }
            });
        }
    }

    private void hashRegionNow(RegionInputStream region, Set<ChecksumAlgorithm> algorithms, RegionJob job,
            AtomicLong progress) {
        MessageDigest[] digests = algorithms.stream().map(ChecksumAlgorithm::newDigest).toArray(MessageDigest[]::new);
        byte[] buffer = REGION_BUFFER.get();
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long read = 0;
        String error = null;
        FileChannel own = null;
        try {
            FileChannel channel;
            if (region.ownFile()) {
                own = FileChannel.open(region.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                channel = own;
            } else {
                channel = sharedChannel(region.file());
            }
            // A folder's file is hashed to its end, whatever size it was listed with: what is there is what counts.
            long limit = region.ownFile() ? Long.MAX_VALUE : region.length();
            while (read < limit) {
                wrapped.clear().limit((int) Math.min(buffer.length, limit - read));
                int n = channel.read(wrapped, region.offset() + read);
                if (n < 0) {
                    break;
                }
                for (MessageDigest digest : digests) {
                    digest.update(buffer, 0, n);
                }
                read += n;
                if (progress != null) {
                    progress.addAndGet(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            if (own != null) {
                try {
                    own.close();
                } catch (IOException e) {
                    // read-only: nothing was lost
                }
            }
        }
        if (error == null) {
            int i = 0;
            for (ChecksumAlgorithm algorithm : algorithms) {
                job.target.putDigest(algorithm, digests[i++].digest());
            }
        }
        job.done(read, error);
    }

    /** One region's tasks: when the last is done, the byte count (or the error) is set on the file. */
    private static final class RegionJob {
        private final BagFile target;
        private int remaining;
        private long bytes = Long.MAX_VALUE;
        private String error;

        RegionJob(BagFile target, int tasks) {
            this.target = target;
            this.remaining = tasks;
        }

        synchronized void done(long read, String failure) {
            bytes = Math.min(bytes, read);
            if (failure != null && error == null) {
                error = failure;
            }
            if (--remaining == 0) {
                if (error != null) {
                    target.setReadError(error);
                } else {
                    target.setBytesRead(bytes);
                }
            }
        }
    }

    private FileChannel sharedChannel(Path file) throws IOException {
        synchronized (channels) {
            FileChannel channel = channels.get(file);
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
                channels.put(file, channel);
            }
            return channel;
        }
    }

    private synchronized ExecutorService regionPool() {
        if (regionPool == null) {
            regionPool = Executors.newFixedThreadPool(threads(), runnable -> {
                Thread thread = new Thread(runnable, "provkit-hash");
                thread.setDaemon(true);
                return thread;
            });
        }
        return regionPool;
    }

    private static int threads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Waits until every stream and region handed in so far is hashed. */
    public void await() {
        synchronized (this) {
            while (outstanding > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while hashing", e);
                }
            }
        }
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
        synchronized (this) {
            if (regionPool != null) {
                regionPool.shutdown();
            }
        }
        synchronized (channels) {
            for (FileChannel channel : channels.values()) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read-only: nothing was lost
                }
            }
            channels.clear();
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
