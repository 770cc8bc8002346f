package org.provkit.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * A bag as a POSIX tar (optionally gzipped), every entry with the same mtime, uid/gid 0, no owner names
 * and mode 0644, so the same content gives the same bytes. Long and non-ASCII names use PAX headers.
 */
final class TarBagSink implements BagSink {

    private final Path temp;
    private final Path target;
    private final String root;
    private final Date mtime;
    private final OutputStream file;
    private final TarArchiveOutputStream tar;
    private boolean committed;

    TarBagSink(Path temp, Path target, String root, Instant mtime, boolean gzip) throws IOException {
        this.temp = temp;
        this.target = target;
        this.root = root;
        this.mtime = Date.from(mtime);
        this.file = Files.newOutputStream(temp, java.nio.file.StandardOpenOption.CREATE_NEW);
        OutputStream buffered = new BufferedOutputStream(file, 1 << 20);
        OutputStream body = buffered;
        if (gzip) {
            GzipParameters parameters = new GzipParameters();
            parameters.setModificationTime(0);
            parameters.setOperatingSystem(255);
            body = new GzipCompressorOutputStream(buffered, parameters);
        }
        this.tar = new TarArchiveOutputStream(body, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    @Override
    public void add(String path, long size, Content content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(root + "/" + path, true);
        entry.setSize(size);
        entry.setModTime(mtime);
        entry.setMode(ArchiveEntryDefaults.FILE_MODE);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        tar.putArchiveEntry(entry);
        ExactSizeOutputStream.writeExactly(tar, size, path, content);
        tar.closeArchiveEntry();
    }

    @Override
    public Path commit() throws IOException {
        tar.finish();
        tar.close();
        AtomicFiles.syncFile(temp);
        AtomicFiles.publish(temp, target);
        committed = true;
        return target;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                file.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
