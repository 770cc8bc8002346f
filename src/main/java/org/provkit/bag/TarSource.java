package org.provkit.bag;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar or gzip-compressed tar, read as one stream (nothing unpacked). Gzip output is bounded by
 * {@link ArchiveLimits#maxExpandedBytes}; links, devices and FIFOs are reported, never followed or read.
 */
public final class TarSource implements BagSource {

    private final Path file;
    private final boolean gzip;
    private final ArchiveLimits limits;

    public TarSource(Path file, boolean gzip, ArchiveLimits limits) {
        this.file = file;
        this.gzip = gzip;
        this.limits = limits;
    }

    @Override
    public String format() {
        return gzip ? "tar.gz" : "tar";
    }

    @Override
    public long totalBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void forEach(EntryVisitor visitor, AtomicLong progress) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new BufferedInputStream(new CountingInputStream(raw, progress), DigestPipeline.CHUNK_SIZE);
            if (gzip) {
                in = new CountingInputStream(new GZIPInputStream(in, 1 << 16), new AtomicLong(),
                        limits.maxExpandedBytes(totalBytes()), file.getFileName() + " (gzip)");
            }
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            int index = 0;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (index >= limits.maxEntries()) {
                    throw new ArchiveLimitException("more than " + limits.maxEntries() + " entries; stopped reading");
                }
                String name = BagSource.normalizeEntryName(entry.getName());
                if (name.isEmpty() && entry.isDirectory()) {
                    continue;
                }
                BagFile.Kind kind = entry.isSymbolicLink() || entry.isLink() ? BagFile.Kind.LINK
                        : entry.isDirectory() ? BagFile.Kind.DIRECTORY
                        : entry.isFile() ? BagFile.Kind.FILE : BagFile.Kind.SPECIAL;
                String linkTarget = kind == BagFile.Kind.LINK ? entry.getLinkName() : null;
                BagFile bagFile = new BagFile(index++, name, kind, entry.getSize(), linkTarget);
                visitor.visit(bagFile, kind == BagFile.Kind.FILE ? new NonClosingInputStream(tar) : null);
            }
        }
    }
}
