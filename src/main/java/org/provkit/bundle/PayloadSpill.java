package org.provkit.bundle;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The staged payload entries (texts, records) that are packed after the originals, handed back sorted by bag path.
 * At most {@link #DEFAULT_RUN} entries are held in memory: each time that many have come, they are sorted and
 * written to a run file, and the runs are merged as they are read back (at most {@link #DEFAULT_FAN_IN} files open). A bundle of 20,000 web captures has
 * 40,000 such entries; held as objects until the end they were about 1 KB each of the heap.
 *
 * <p>Run format, one entry after another: bag path (int length, then its UTF-16 chars, so that any string comes back
 * as it was), file (int number in the spill's table of files), offset and size (longs), SHA-256 (32 bytes), SHA-512
 * (64 bytes), original (a byte).
 */
final class PayloadSpill implements AutoCloseable {

    /**
     * Entries a run holds. Small enough that the entries waiting in memory die young: a run of 4,096 (2,048 web
     * captures, several seconds of finishing) outlived 15 young collections and went to the old generation.
     */
    static final int DEFAULT_RUN = 1024;
    static final int DEFAULT_FAN_IN = 64;
    private static final int SHA256_BYTES = 32;
    private static final int SHA512_BYTES = 64;
    private static final Comparator<PayloadEntry> BY_PATH = Comparator.comparing(PayloadEntry::bagPath);

    private final Path folder;
    private final int runSize;
    private final int fanIn;
    private int runCounter;
    private final List<PayloadEntry> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final Map<Path, Integer> fileNumbers = new HashMap<>();
    private final List<Path> files = new ArrayList<>();
    private long count;
    private long bytes;
    private boolean drained;

    /** Runs go to {@code folder} as {@code payload-run-N.bin}. */
    PayloadSpill(Path folder) {
        this(folder, DEFAULT_RUN, DEFAULT_FAN_IN);
    }

    /** Runs of {@code runSize} entries, merged {@code fanIn} at a time at most. */
    PayloadSpill(Path folder, int runSize, int fanIn) {
        if (runSize < 1 || fanIn < 2) {
            throw new IllegalArgumentException("run size " + runSize + ", fan-in " + fanIn);
        }
        this.folder = folder;
        this.runSize = runSize;
        this.fanIn = fanIn;
    }

    void add(PayloadEntry entry) throws IOException {
        if (drained) {
            throw new IllegalStateException("payload spill already read");
        }
        if (entry.sha256().length != SHA256_BYTES || entry.sha512().length != SHA512_BYTES) {
            throw new IllegalArgumentException(entry.bagPath() + ": checksums of the wrong length");
        }
        buffer.add(entry);
        count++;
        bytes += entry.size();
        if (buffer.size() >= runSize) {
            writeRun();
        }
    }

    long count() {
        return count;
    }

    /** The sum of the entries' sizes. */
    long bytes() {
        return bytes;
    }

    /** Every entry added, in bag-path order (entries with the same path in the order they came); once. */
    void drain(EntryConsumer consumer) throws IOException {
        if (drained) {
            throw new IllegalStateException("payload spill already read");
        }
        drained = true;
        if (runs.isEmpty()) {
            buffer.sort(BY_PATH);
            for (PayloadEntry entry : buffer) {
                consumer.accept(entry);
            }
            buffer.clear();
            return;
        }
        if (!buffer.isEmpty()) {
            writeRun();
        }
        merge(consumer);
    }

    /** Takes one entry; may fail with an I/O error. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(PayloadEntry entry) throws IOException;
    }

    private void writeRun() throws IOException {
        buffer.sort(BY_PATH);
        Path run = folder.resolve("payload-run-" + (runCounter++) + ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(run, StandardOpenOption.CREATE_NEW), 1 << 16))) {
            for (PayloadEntry entry : buffer) {
                write(out, entry);
            }
        }
        runs.add(run);
        buffer.clear();
    }

    private void write(DataOutputStream out, PayloadEntry entry) throws IOException {
        out.writeInt(entry.bagPath().length());
        out.writeChars(entry.bagPath());
        out.writeInt(fileNumber(entry.file()));
        out.writeLong(entry.offset());
        out.writeLong(entry.size());
        out.write(entry.sha256());
        out.write(entry.sha512());
        out.writeByte(entry.original() ? 1 : 0);
    }

    private int fileNumber(Path file) {
        return fileNumbers.computeIfAbsent(file, f -> {
            files.add(f);
            return files.size() - 1;
        });
    }

    /** A run being read back: its next entry, and its number (which breaks ties, so equal paths keep their order). */
    private final class Reader implements AutoCloseable {
        final DataInputStream in;
        final int number;
        PayloadEntry next;

        Reader(Path run, int number, int bufferSize) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), bufferSize));
            this.number = number;
        }

        /** Reads the next entry; false at the end of the run. */
        boolean advance() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                next = null;
                return false;
            }
            if (length < 0) {
                throw new IOException("payload spill: a run is damaged");
            }
            char[] path = new char[length];
            for (int i = 0; i < length; i++) {
                path[i] = in.readChar();
            }
            int file = in.readInt();
            long offset = in.readLong();
            long size = in.readLong();
            byte[] sha256 = in.readNBytes(SHA256_BYTES);
            byte[] sha512 = in.readNBytes(SHA512_BYTES);
            boolean original = in.readByte() != 0;
            if (sha512.length != SHA512_BYTES || file < 0 || file >= files.size()) {
                throw new IOException("payload spill: a run is damaged");
            }
            next = new PayloadEntry(new String(path), files.get(file), offset, size, sha256, sha512, original);
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private void merge(EntryConsumer consumer) throws IOException {
        // At most MAX_FAN_IN runs are open at once: more are first merged, a group at a time, into longer runs.
        while (runs.size() > fanIn) {
            List<Path> group = new ArrayList<>(runs.subList(0, fanIn));
            Path merged = folder.resolve("payload-run-" + (runCounter++) + ".bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(merged, StandardOpenOption.CREATE_NEW), 1 << 16))) {
                merge(group, entry -> write(out, entry));
            }
            for (Path run : group) {
                Files.delete(run);
            }
            runs.subList(0, fanIn).clear();
            runs.add(0, merged); // its entries came before those of the runs left, which keeps equal paths in order
        }
        merge(runs, consumer);
    }

    private void merge(List<Path> group, EntryConsumer consumer) throws IOException {
        int bufferSize = Math.max(4096, Math.min(1 << 16, (4 << 20) / group.size()));
        List<Reader> readers = new ArrayList<>();
        PriorityQueue<Reader> queue = new PriorityQueue<>(Comparator.comparing((Reader r) -> r.next.bagPath())
                .thenComparingInt(r -> r.number));
        try {
            for (int i = 0; i < group.size(); i++) {
                Reader reader = new Reader(group.get(i), i, bufferSize);
                readers.add(reader);
                if (reader.advance()) {
                    queue.add(reader);
                }
            }
            while (!queue.isEmpty()) {
                Reader reader = queue.poll();
                consumer.accept(reader.next);
                if (reader.advance()) {
                    queue.add(reader);
                }
            }
        } finally {
            for (Reader reader : readers) {
                reader.close();
            }
        }
    }

    /** Deletes the run files. */
    @Override
    public void close() throws IOException {
        buffer.clear();
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
    }
}
