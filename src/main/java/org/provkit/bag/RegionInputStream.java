package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The bytes of one bag entry that lie, as they are, in a file on disk: a whole file of a bag folder, or
 * the data of a plain tar entry. Read as a stream it is those bytes; {@link DigestPipeline} instead hashes
 * such regions by position on several threads at once, so two files are hashed on two cores and the
 * caller's thread never copies payload bytes.
 */
public final class RegionInputStream extends InputStream {

    private final FileChannel channel;
    private final Path file;
    private final long offset;
    private final long length;
    private final boolean ownFile;
    private long position;

    /**
     * @param channel open on {@code file}, used by this stream's own reads (the caller closes it)
     * @param ownFile true when the region is the whole of a bag folder's file (opened again, without
     *                following links, to hash it, and read to its end whatever its listed length); false for
     *                a region of a shared archive file
     */
    RegionInputStream(FileChannel channel, Path file, long offset, long length, boolean ownFile) {
        this.channel = channel;
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.ownFile = ownFile;
    }

    Path file() {
        return file;
    }

    long offset() {
        return offset;
    }

    long length() {
        return length;
    }

    boolean ownFile() {
        return ownFile;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long left = ownFile ? Long.MAX_VALUE : length - position;
        if (left <= 0) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, off, (int) Math.min(len, left)), offset + position);
        if (n < 0) {
            return -1;
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, (ownFile ? Long.MAX_VALUE : length) - position));
        position += skipped;
        return skipped;
    }
}
