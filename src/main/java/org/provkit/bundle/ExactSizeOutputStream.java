package org.provkit.bundle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes through and fails if more than announced arrive, so a source that grows while it is
 * bundled cannot corrupt the archive. Closing does not close the archive underneath.
 */
final class ExactSizeOutputStream extends FilterOutputStream {
    private final long expected;
    private final String path;
    private long written;

    ExactSizeOutputStream(OutputStream out, long expected, String path) {
        super(out);
        this.expected = expected;
        this.path = path;
    }

    /** Lets {@code content} write into {@code out}, failing unless it writes exactly {@code size} bytes. */
    static void writeExactly(OutputStream out, long size, String path, BagSink.Content content) throws IOException {
        ExactSizeOutputStream exact = new ExactSizeOutputStream(out, size, path);
        content.writeTo(exact);
        exact.close();
    }

    @Override
    public void write(int b) throws IOException {
        check(1);
        out.write(b);
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check(len);
        out.write(b, off, len);
        written += len;
    }

    private void check(long more) throws IOException {
        if (written + more > expected) {
            throw new SourceChangedException(path + ": changed while it was being bundled (more bytes than before)");
        }
    }

    @Override
    public void close() throws IOException {
        if (written != expected) {
            throw new SourceChangedException(path + ": changed while it was being bundled (" + written + " bytes instead of " + expected + ")");
        }
    }
}
