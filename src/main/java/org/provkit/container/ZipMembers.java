package org.provkit.container;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Zip files: every file entry is a member, in the order of the archive's bytes. A zip whose central directory
 * cannot be read is read entry by entry from the start instead. Links are named and not followed; an entry
 * that cannot be decompressed (encrypted, an unknown method, damaged) is kept as far as it could be read.
 */
public final class ZipMembers implements ContainerReader {

    @Override
    public ContainerSummary read(Path file, Scratch scratch, MemberSink sink) throws IOException {
        ArchiveEntries entries = new ArchiveEntries(scratch, sink);
        Map<String, Object> details = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (!readEntry(zip, entry, entries)) {
                    break;
                }
            }
        } catch (ContainerLimitException e) {
            entries.warn(e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (entries.members() > 0) {
                entries.warn("the zip could not be read to its end (" + HttpCapture.describe(e) + ")");
            } else {
                entries.warn("the zip's central directory could not be read (" + HttpCapture.describe(e)
                        + "): its entries were read one by one from the start");
                stream(file, entries);
            }
        }
        details.put("members", entries.members());
        return new ContainerSummary(ContainerFormat.ZIP, details, entries.warnings());
    }

    /** False when the reading should stop (a limit). */
    private static boolean readEntry(ZipFile zip, ZipArchiveEntry entry, ArchiveEntries entries) throws IOException {
        Long offset = entry.getLocalHeaderOffset() >= 0 ? entry.getLocalHeaderOffset() : null;
        if (entry.isDirectory()) {
            return true;
        }
        if (entry.isUnixSymlink()) {
            entries.skipped(entry.getName(), offset, "a symbolic link");
            return true;
        }
        if (!zip.canReadEntryData(entry)) {
            entries.warn("entry \"" + entry.getName() + "\" at offset " + offset + " cannot be decompressed ("
                    + (entry.getGeneralPurposeBit().usesEncryption() ? "encrypted: a password is needed" : "method " + entry.getMethod())
                    + "): not read");
            return true;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            entries.member(entry.getName(), offset, in);
        }
        return true;
    }

    private static void stream(Path file, ArchiveEntries entries) throws IOException {
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    entries.warn("entry \"" + entry.getName() + "\" cannot be decompressed: not read");
                    continue;
                }
                if (!entries.member(entry.getName(), null, zip)) {
                    entries.warn("the zip could not be read past entry \"" + entry.getName() + "\"");
                    return;
                }
            }
        } catch (ContainerLimitException e) {
            entries.warn(e.getMessage());
        } catch (IOException | RuntimeException e) {
            entries.warn("the zip could not be read to its end (" + HttpCapture.describe(e) + ")");
        }
    }

    @Override
    public Set<String> memberNames(Path file) {
        Set<String> names = new LinkedHashSet<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (!entry.isDirectory()) {
                    names.add(MemberNames.entry(entry.getName()).name());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no list up front: references between members are then not checked
        }
        return names;
    }
}
