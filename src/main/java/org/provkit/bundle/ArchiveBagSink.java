package org.provkit.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveOutputStream;

/**
 * A bag serialized as one archive file under a temporary name: entries are added in order, and
 * {@link #commit} finishes, syncs and publishes the file; closing without commit removes it.
 * Subclasses only say how an entry looks in their format.
 */
abstract class ArchiveBagSink<E extends ArchiveEntry> implements BagSink {

    private final Path temp;
    private final Path target;
    private ArchiveOutputStream<E> archive;
    private boolean committed;

    ArchiveBagSink(Path temp, Path target) {
        this.temp = temp;
        this.target = target;
    }

    /** Set once by the subclass's constructor, after it has opened the temporary file. */
    final void open(ArchiveOutputStream<E> stream) {
        this.archive = stream;
    }

    /** The entry for a file of {@code size} bytes at {@code path} (relative to the bag root). */
    abstract E entry(String path, long size);

    @Override
    public final void add(String path, long size, Content content) throws IOException {
        archive.putArchiveEntry(entry(path, size));
        ExactSizeOutputStream.writeExactly(archive, size, path, content);
        archive.closeArchiveEntry();
    }

    @Override
    public final Path commit() throws IOException {
        archive.finish();
        archive.close();
        AtomicFiles.syncFile(temp);
        AtomicFiles.publish(temp, target);
        committed = true;
        return target;
    }

    @Override
    public final void close() throws IOException {
        if (!committed) {
            try {
                if (archive != null) {
                    archive.close();
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
