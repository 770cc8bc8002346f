package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip, read through its central directory in physical order, each entry inflated in memory only.
 * All entries together may expand to at most {@link ArchiveLimits#maxExpandedBytes} of the zip's size.
 */
public final class ZipSource implements BagSource {

    private final Path file;
    private final ArchiveLimits limits;
    private final List<BagScanner.EntryProblem> headerProblems = new ArrayList<>();

    public ZipSource(Path file, ArchiveLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    @Override
    public String format() {
        return "zip";
    }

    @Override
    public long totalBytes() {
        return BagSource.sizeOf(file);
    }

    @Override
    public void forEach(EntryVisitor visitor, AtomicLong progress) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            AtomicLong expanded = new AtomicLong();
            long maxExpanded = limits.maxExpandedBytes(totalBytes());
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            int index = 0;
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (index >= limits.maxEntries()) {
                    throw new ArchiveLimitException("more than " + limits.maxEntries() + " entries; stopped reading");
                }
                String name = BagSource.normalizeEntryName(entry.getName());
                if (name.isEmpty() && entry.isDirectory()) {
                    continue;
                }
                BagFile.Kind kind = entry.isUnixSymlink() ? BagFile.Kind.LINK
                        : entry.isDirectory() ? BagFile.Kind.DIRECTORY : BagFile.Kind.FILE;
                String linkTarget = null;
                if (kind == BagFile.Kind.LINK) {
                    linkTarget = "(link target not read)";
                }
                BagFile bagFile = new BagFile(index++, name, kind, entry.getSize(), linkTarget);
                if (kind != BagFile.Kind.FILE) {
                    visitor.visit(bagFile, null);
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    bagFile.setReadError("uses a compression method or encryption provkit cannot read");
                    visitor.visit(bagFile, null);
                    continue;
                }
                long remaining = maxExpanded - expanded.get();
                try (InputStream in = new CountingInputStream(zip.getInputStream(entry), expanded, remaining,
                        file.getFileName().toString())) {
                    visitor.visit(bagFile, in);
                }
                progress.addAndGet(Math.max(0, entry.getCompressedSize()));
            }
            checkLocalHeaders(zip);
        }
    }

    private void checkLocalHeaders(ZipFile zip) throws IOException {
        headerProblems.clear(); // a second pass (hashing again) finds the same ones
        try (WindowedReadChannel channel = new WindowedReadChannel(FileChannel.open(file, StandardOpenOption.READ))) {
            for (ZipLocalHeaders.Mismatch m : ZipLocalHeaders.check(channel, Collections.list(zip.getEntriesInPhysicalOrder()))) {
                headerProblems.add(new BagScanner.EntryProblem(m.entryName(), m.name()
                        ? new ReadProblem("E_ZIP_LOCAL_HEADER", m.what() + ": a tool that streams the zip would read another"
                                + " file here; the zip is damaged or made to mislead")
                        : new ReadProblem("W_ZIP_LOCAL_HEADER", "the local header disagrees with the central directory ("
                                + m.what() + "): the zip was damaged there (its content was read through the central"
                                + " directory, and the bag's checksums cover it)")));
            }
        }
    }

    /** Local file headers that disagree with the central directory (see {@link ZipLocalHeaders}). */
    @Override
    public List<BagScanner.EntryProblem> afterEntries() {
        return List.copyOf(headerProblems);
    }
}
