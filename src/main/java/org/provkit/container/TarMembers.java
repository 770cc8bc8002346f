package org.provkit.container;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Tar files, plain or gzip-compressed, read as a stream: every regular file entry is a member; links, devices
 * and fifos are named and not followed. Offsets are those of the entry headers in the (uncompressed) tar.
 */
public final class TarMembers implements ContainerReader {

    @Override
    public ContainerSummary read(Path file, Scratch scratch, MemberSink sink) throws IOException {
        ArchiveEntries entries = new ArchiveEntries(scratch, sink);
        boolean gzip = Gzip.startsWithMagic(file);
        long[] position = {0};
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream data = gzip ? GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get() : raw;
                TarArchiveInputStream tar = new TarArchiveInputStream(data)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                long offset = tar.getBytesRead() - 512;
                position[0] = offset;
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.isSymbolicLink() || entry.isLink()) {
                    entries.skipped(entry.getName(), offset, "a link to \"" + entry.getLinkName() + "\"");
                } else if (!entry.isFile()) {
                    entries.skipped(entry.getName(), offset, "not a regular file");
                } else if (!entries.member(entry.getName(), offset, BoundedInputStream.builder().setInputStream(tar)
                        .setPropagateClose(false).get())) {
                    entries.warn("the tar could not be read past entry \"" + entry.getName() + "\" at offset " + offset);
                    break;
                }
            }
        } catch (ContainerLimitException e) {
            entries.warn(e.getMessage());
        } catch (IOException | RuntimeException e) {
            entries.warn("the tar could not be read " + (entries.members() == 0 ? "" : "to its end ")
                    + "(near offset " + position[0] + ": " + HttpCapture.describe(e) + ")");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("compression", gzip ? "gzip" : "none");
        details.put("members", entries.members());
        return new ContainerSummary(ContainerFormat.TAR, details, entries.warnings());
    }
}
