package org.provkit.bag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts a plain tar's header blocks by hopping from header to header (one 512-byte read each), without
 * parsing names or reading data: enough to decide whether holding every entry in memory is affordable.
 */
final class TarHeaders {

    private static final int BLOCK = 512;

    private TarHeaders() {
    }

    /**
     * What hopping over a tar's headers found: whether it reached the end-of-archive marker (or the end
     * of the file) after at most the limit of headers, each with a readable size; and where that marker
     * starts (-1 when not reached, or when the file ends without one).
     */
    record Hop(boolean complete, long endOfArchive) {
    }

    /** Where the end-of-archive marker (the first all-zero header block) starts; -1 when there is none or a header is unreadable. */
    static long endOfArchive(Path tar) {
        return hop(tar, Long.MAX_VALUE).endOfArchive();
    }

    /**
     * Hops over at most {@code limit} headers: complete when the tar ends (two zero blocks or the end
     * of the file) within them and every size field reads; not when there are more, or a size field is
     * not a number.
     */
    static Hop hop(Path tar, long limit) {
        try (WindowedReadChannel channel = new WindowedReadChannel(FileChannel.open(tar, StandardOpenOption.READ))) {
            long end = channel.size();
            ByteBuffer header = ByteBuffer.allocate(BLOCK);
            long position = 0;
            long count = 0;
            while (position + BLOCK <= end) {
                header.clear();
                channel.position(position);
                while (header.hasRemaining() && channel.read(header) > 0) {
                    // fill the block
                }
                if (header.hasRemaining()) {
                    return new Hop(false, -1);
                }
                if (allZero(header.array())) {
                    return new Hop(true, position);
                }
                long size = size(header.array());
                if (size < 0 || ++count > limit) {
                    return new Hop(false, -1);
                }
                position += BLOCK + (size + BLOCK - 1) / BLOCK * BLOCK;
            }
            return new Hop(true, -1);
        } catch (IOException e) {
            return new Hop(false, -1);
        }
    }

    /** The offset of the first byte that is not zero at or after {@code from}; -1 when there is none. */
    static long firstNonZero(Path tar, long from) {
        try (FileChannel channel = FileChannel.open(tar, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long position = from;
            int n;
            while ((n = channel.read(buffer.clear(), position)) > 0) {
                byte[] bytes = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (bytes[i] != 0) {
                        return position + i;
                    }
                }
                position += n;
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The size field (offset 124, 12 bytes): octal digits, or base-256 when its first bit is set; -1 if neither. */
    static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long value = header[124] & 0x7f;
            for (int i = 125; i < 136; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    return -1;
                }
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        long value = 0;
        boolean digits = false;
        for (int i = 124; i < 136; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7' || value > (Long.MAX_VALUE >> 3)) {
                return -1;
            }
            value = value * 8 + (b - '0');
            digits = true;
        }
        return value;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
