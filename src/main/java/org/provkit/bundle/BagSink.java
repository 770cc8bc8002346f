package org.provkit.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where a bag's files go, in the order they are added: an archive or a folder, always written under a
 * temporary name first. {@link #commit} makes it appear under its final name at once, or not at all;
 * {@link #close} without commit removes the temporary output.
 */
public interface BagSink extends Closeable {

    /** Something that writes exactly the announced number of bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Adds one file at {@code path} (relative to the bag root, '/'-separated) of exactly {@code size} bytes. */
    void add(String path, long size, Content content) throws IOException;

    /** Flushes, syncs to disk and moves the output to its final name, never replacing an existing one. */
    Path commit() throws IOException;
}
