package org.provkit.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A bag as a ZIP (Zip64 when needed), entries deflated, UTF-8 names. ZIP's DOS times are local times:
 * the entry time is shifted so that the stored fields read the UTC time whatever the machine's zone.
 */
final class ZipBagSink extends ArchiveBagSink<ZipArchiveEntry> {

    private final String root;
    private final long dosTime;

    ZipBagSink(Path temp, Path target, String root, Instant mtime) throws IOException {
        super(temp, target);
        this.root = root;
        long utc = mtime.toEpochMilli();
        this.dosTime = utc - TimeZone.getDefault().getOffset(utc);
        Files.createFile(temp);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(temp);
        zip.setEncoding("UTF-8");
        zip.setUseZip64(Zip64Mode.AsNeeded);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.setMethod(ZipArchiveEntry.DEFLATED);
        open(zip);
    }

    @Override
    ZipArchiveEntry entry(String path, long size) {
        ZipArchiveEntry entry = new ZipArchiveEntry(root + "/" + path);
        entry.setTime(dosTime);
        entry.setSize(size);
        entry.setUnixMode(ArchiveEntryDefaults.FILE_MODE);
        return entry;
    }
}
