package org.provkit.extract;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.provkit.bag.ChecksumAlgorithm;

/** The text file of one extraction, checksummed while it is written so it never has to be read back. */
final class TextSink implements Closeable {
    private final MessageDigest sha256 = ChecksumAlgorithm.SHA256.newDigest();
    private final MessageDigest sha512 = ChecksumAlgorithm.SHA512.newDigest();
    private final OutputStream file;
    private final OutputStream stream;
    private long count;
    private FileDigests digests;

    TextSink(Path textFile) throws IOException {
        this.file = new BufferedOutputStream(Files.newOutputStream(textFile, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16);
        this.stream = new FilterOutputStream(file) {
            @Override
            public void write(int b) throws IOException {
                file.write(b);
                sha256.update((byte) b);
                sha512.update((byte) b);
                count++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                file.write(b, off, len);
                sha256.update(b, off, len);
                sha512.update(b, off, len);
                count += len;
            }

            @Override
            public void close() {
                // the sink closes the file
            }
        };
    }

    OutputStream stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        if (digests == null) {
            file.close();
            HexFormat hex = HexFormat.of();
            digests = new FileDigests(count, hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()));
        }
    }

    FileDigests digests() {
        if (digests == null) {
            throw new IllegalStateException("text file not closed yet");
        }
        return digests;
    }
}
