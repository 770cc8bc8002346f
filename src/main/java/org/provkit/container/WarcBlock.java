package org.provkit.container;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import org.netpreserve.jwarc.WarcRecord;

/**
 * A record's block copied to a scratch file, with its WARC-Block-Digest checked on the way.
 *
 * @param file      the copy
 * @param length    bytes copied
 * @param truncated whether the file ended before the record's Content-Length
 * @param digest    what the block digest check found
 */
record WarcBlock(Path file, long length, boolean truncated, RecordedDigest.Result digest) {

    /** Stages the block, checking its digest when {@code check} (a revisit's describes the revisited content). */
    static WarcBlock stage(WarcRecord record, Path file, Scratch scratch, boolean check) throws IOException {
        RecordedDigest declared = check ? RecordedDigest.of(record.headers().sole("WARC-Block-Digest").orElse(null)) : null;
        MessageDigest digester = declared == null ? null : declared.newDigester();
        boolean truncated = false;
        long[] copied = {0};
        try (InputStream in = record.body().stream();
                OutputStream staged = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                OutputStream out = digester == null ? staged : new DigestOutputStream(staged, digester)) {
            try {
                scratch.copy(in, new CountingOutput(out, copied));
            } catch (EOFException e) {
                truncated = true;
            }
        }
        RecordedDigest.Result result = declared == null ? RecordedDigest.Result.ABSENT
                : truncated ? RecordedDigest.Result.MISMATCH : declared.check(digester);
        return new WarcBlock(file, copied[0], truncated, result);
    }

    /** Counts what reaches the file, so a block cut short still says how much of it there was. */
    private static final class CountingOutput extends java.io.FilterOutputStream {
        private final long[] count;

        CountingOutput(OutputStream out, long[] count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count[0] += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count[0]++;
        }

        @Override
        public void close() {
            // the caller closes the file
        }
    }
}
