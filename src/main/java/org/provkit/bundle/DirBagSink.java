package org.provkit.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A bag as a plain folder, built under a temporary name and renamed when complete. */
final class DirBagSink implements BagSink {

    private final Path temp;
    private final Path target;
    private final FileTime mtime;
    private final List<Path> written = new ArrayList<>();
    private boolean committed;

    DirBagSink(Path temp, Path target, Instant mtime) throws IOException {
        this.temp = temp;
        this.target = target;
        this.mtime = FileTime.from(mtime);
        Files.createDirectory(temp);
    }

    @Override
    public void add(String path, long size, Content content) throws IOException {
        Path file = temp.resolve(path).normalize();
        if (!file.startsWith(temp)) {
            throw new IOException(path + ": path leaves the bag");
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 20)) {
            ExactSizeOutputStream.writeExactly(out, size, path, content);
        }
        written.add(file);
    }

    @Override
    public Path commit() throws IOException {
        for (Path file : written) {
            AtomicFiles.syncFile(file);
            Files.setLastModifiedTime(file, mtime);
        }
        AtomicFiles.syncFolder(temp);
        AtomicFiles.publish(temp, target);
        committed = true;
        return target;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            AtomicFiles.deleteRecursively(temp);
        }
    }
}
