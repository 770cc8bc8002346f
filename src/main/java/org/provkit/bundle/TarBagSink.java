package org.provkit.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
final class TarBagSink extends ArchiveBagSink<TarArchiveEntry> {

    private final String root;
    private final Date mtime;

    TarBagSink(Path temp, Path target, String root, Instant mtime, boolean gzip) throws IOException {
        super(temp, target);
        this.root = root;
        this.mtime = Date.from(mtime);
        OutputStream body = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 20);
        if (gzip) {
            GzipParameters parameters = new GzipParameters();
            parameters.setModificationTime(0);
            parameters.setOperatingSystem(255);
            body = new GzipCompressorOutputStream(body, parameters);
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(body, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        open(tar);
    }

    @Override
    TarArchiveEntry entry(String path, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(root + "/" + path, true);
        entry.setSize(size);
        entry.setModTime(mtime);
        entry.setMode(ArchiveEntryDefaults.FILE_MODE);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }
}
