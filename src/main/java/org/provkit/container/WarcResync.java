package org.provkit.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Finds where the next record starts after damage, so one bad record costs only itself: in a plain WARC the
 * next line that starts {@code WARC/1.}, in a compressed one the next gzip member whose first bytes inflate to
 * {@code WARC/} (or an ARC header).
 */
final class WarcResync {

    private static final byte[] WARC = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

    private WarcResync() {
    }

    /** The offset of the next record start at or after {@code from}, or -1. */
    static long next(java.nio.file.Path file, long from, boolean gzip) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return next(channel, from, gzip);
        }
    }

    private static long next(FileChannel channel, long from, boolean gzip) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long base = from;
        byte previous = '\n';
        while (base < channel.size()) {
            buffer.clear();
            int n = channel.read(buffer, base);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                boolean lineStart = i == 0 ? previous == '\n' : buffer.get(i - 1) == '\n';
                if (gzip ? b == 0x1f && matchesGzip(channel, base + i) : b == 'W' && lineStart && matches(channel, base + i)) {
                    return base + i;
                }
            }
            previous = buffer.get(n - 1);
            base += n;
        }
        return -1;
    }

    private static boolean matches(FileChannel channel, long at) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(WARC.length);
        channel.read(head, at);
        return java.util.Arrays.equals(head.array(), WARC);
    }

    private static boolean matchesGzip(FileChannel channel, long at) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(3);
        channel.read(magic, at);
        if ((magic.get(1) & 0xff) != 0x8b || magic.get(2) != 8) {
            return false;
        }
        ByteBuffer member = ByteBuffer.allocate((int) Math.min(4096, channel.size() - at));
        channel.read(member, at);
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(member.array(), 0, member.position()), 512)) {
            byte[] start = in.readNBytes(11);
            String text = new String(start, StandardCharsets.US_ASCII);
            return text.startsWith("WARC/") || text.startsWith("filedesc://") || text.matches("(?s)^[a-z]+:.*");
        } catch (IOException e) {
            return false;
        }
    }
}
