package org.provkit.bag;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A tar or gzip-compressed tar, read as one stream (nothing unpacked). Gzip output is bounded by
 * {@link ArchiveLimits#maxExpandedBytes}; links, devices and FIFOs are reported, never followed or read.
 */
public final class TarSource implements BagSource {

    /** Reading a tar by position keeps every entry's header in memory: beyond this many, it is streamed. */
    static final long RANDOM_ACCESS_MAX_ENTRIES = 500_000;

    private final Path file;
    private final boolean gzip;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final ArchiveLimits limits;
    /** Where the end-of-archive marker starts, when the header hop before reading found it. */
    private long endOfArchive = UNKNOWN;
    /** For a gzip-compressed tar, what follows the tar or the gzip member, when something does. */
    private String gzipTrailing;
    /** Entries whose header checksum is wrong: Commons Compress reads them as they stand and only says so. */
    private final List<String> badHeaderChecksums = new ArrayList<>();

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
        return BagSource.sizeOf(file);
    }

    @Override
    public void forEach(EntryVisitor visitor, AtomicLong progress) throws IOException {
        badHeaderChecksums.clear(); // a second pass (hashing again) finds the same ones
        if (!gzip) {
            TarHeaders.Hop hop = TarHeaders.hop(file, Math.min(limits.maxEntries(), RANDOM_ACCESS_MAX_ENTRIES));
            if (hop.complete()) {
                endOfArchive = hop.endOfArchive();
                forEachByPosition(visitor, progress);
                return;
            }
        }
        forEachStreamed(visitor, progress);
    }

    /**
     * Headers whose checksum is wrong (the tar was damaged there, in a field the bag's own checksums do
     * not cover: mode, time, owner, padding), and data after the tar: bytes that are not zero after its
     * end-of-archive marker, and for a gzip-compressed tar anything after the gzip member (tar tools
     * ignore them and they are no part of the bag, but something was appended to the file or damaged it
     * there).
     */
    @Override
    public List<BagScanner.EntryProblem> afterEntries() {
        List<BagScanner.EntryProblem> problems = new ArrayList<>();
        for (String name : badHeaderChecksums) {
            problems.add(new BagScanner.EntryProblem(name, new ReadProblem("W_TAR_HEADER_CHECKSUM", "the tar header of this entry"
                    + " does not match its checksum: the header was damaged (its name, size and type were read as they stand;"
                    + " the bag's checksums still cover the content)")));
        }
        if (gzip) {
            if (gzipTrailing != null) {
                problems.add(new BagScanner.EntryProblem("", new ReadProblem("W_TRAILING_DATA", gzipTrailing
                        + "; it is not part of the bag, but the file was appended to or damaged there")));
            }
            return problems;
        }
        long end = endOfArchive != UNKNOWN ? endOfArchive : TarHeaders.endOfArchive(file);
        long data = end < 0 ? -1 : TarHeaders.firstNonZero(file, end);
        if (data >= 0) {
            problems.add(new BagScanner.EntryProblem("", new ReadProblem("W_TRAILING_DATA", "the tar holds data after its"
                    + " end-of-archive marker (byte " + end + "): bytes from " + data + " to its end (" + totalBytes()
                    + ") are not zero; they are not part of the bag, but the file was appended to or damaged there")));
        }
        return problems;
    }

    /**
     * A plain tar on disk: entries are read with Commons Compress's random-access {@link TarFile}, and each
     * file's content is handed on as the region of the tar it occupies, so it can be hashed in place on
     * several threads. A tar that {@link TarFile} cannot read whole (truncated, damaged) is read as a stream
     * instead, which reports exactly where it breaks.
     */
    private void forEachByPosition(EntryVisitor visitor, AtomicLong progress) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<TarArchiveEntry> entries;
            try (TarFile tar = new TarFile(new WindowedReadChannel(FileChannel.open(file, StandardOpenOption.READ)))) {
                entries = tar.getEntries();
            } catch (IOException | RuntimeException e) {
                forEachStreamed(visitor, progress);
                return;
            }
            if (entries.stream().anyMatch(TarArchiveEntry::isSparse)) {
                // Sparse entries (never written by provkit) have no single region to hash: stream the tar.
                forEachStreamed(visitor, progress);
                return;
            }
            int index = 0;
            for (int i = 0; i < entries.size(); i++) {
                TarArchiveEntry entry = entries.get(i);
                entries.set(i, null); // what the bag needs is copied into its BagFile; let the header go
                String name = BagSource.normalizeEntryName(entry.getName());
                if (!entry.isCheckSumOK()) {
                    badHeaderChecksums.add(entry.getName());
                }
                if (name.isEmpty() && entry.isDirectory()) {
                    continue;
                }
                BagFile.Kind kind = kind(entry);
                BagFile bagFile = new BagFile(index++, name, kind, entry.getSize(), linkTarget(entry, kind));
                InputStream content = null;
                if (kind == BagFile.Kind.FILE) {
                    content = new RegionInputStream(channel, file, entry.getDataOffset(), entry.getSize(), false);
                }
                visitor.visit(bagFile, content);
            }
        }
    }

    private static BagFile.Kind kind(TarArchiveEntry entry) {
        return entry.isSymbolicLink() || entry.isLink() ? BagFile.Kind.LINK
                : entry.isDirectory() ? BagFile.Kind.DIRECTORY
                : entry.isFile() ? BagFile.Kind.FILE : BagFile.Kind.SPECIAL;
    }

    private static String linkTarget(TarArchiveEntry entry, BagFile.Kind kind) {
        return kind == BagFile.Kind.LINK ? entry.getLinkName() : null;
    }

    private void forEachStreamed(EntryVisitor visitor, AtomicLong progress) throws IOException {
        gzipTrailing = null;
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream compressed = new BufferedInputStream(new CountingInputStream(raw, progress), DigestPipeline.CHUNK_SIZE);
            InputStream in = compressed;
            if (gzip) {
                // One member only: Commons Compress gives back what its inflater did not use, so whatever
                // follows the member (another member, garbage) is still in `compressed` afterwards.
                in = new CountingInputStream(new GzipCompressorInputStream(compressed, false), new AtomicLong(),
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
                if (!entry.isCheckSumOK()) {
                    badHeaderChecksums.add(entry.getName());
                }
                if (name.isEmpty() && entry.isDirectory()) {
                    continue;
                }
                BagFile.Kind kind = kind(entry);
                BagFile bagFile = new BagFile(index++, name, kind, entry.getSize(), linkTarget(entry, kind));
                visitor.visit(bagFile, kind == BagFile.Kind.FILE ? new NonClosingInputStream(tar) : null);
            }
            if (gzip) {
                gzipTrailing = gzipTrailing(in, compressed);
            }
        }
    }

    /**
     * What a gzip-compressed tar holds after its end: bytes that are not zero after the tar's
     * end-of-archive marker inside the gzip stream, or anything after the gzip member (a second member,
     * such as a second bundle appended, or garbage). Null when there is nothing.
     */
    private static String gzipTrailing(InputStream tarEnd, InputStream afterMember) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = tarEnd.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] != 0) {
                    return "the gzip stream holds data after the tar's end-of-archive marker";
                }
            }
        }
        long after = 0;
        while ((n = afterMember.read(buffer)) > 0) {
            after += n;
        }
        return after == 0 ? null : "the file holds " + after + " bytes after its gzip stream (another gzip member, or other data)";
    }
}
