package org.provkit.bag;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Adds every byte read to a shared counter (progress), and optionally stops past a limit (decompression bombs). */
final class CountingInputStream extends FilterInputStream {

    private final AtomicLong counter;
    private final long limit;
    private final String what;
    private long count;

    CountingInputStream(InputStream in, AtomicLong counter) {
        this(in, counter, Long.MAX_VALUE, null);
    }

    CountingInputStream(InputStream in, AtomicLong counter, long limit, String what) {
        super(in);
        this.counter = counter;
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    private void add(long n) throws ArchiveLimitException {
        count += n;
        counter.addAndGet(n);
        if (count > limit) {
            throw new ArchiveLimitException(what + " expands to more than " + limit
                    + " bytes; stopped reading (a decompression bomb?)");
        }
    }
}
