package org.provkit.container;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;

/**
 * 7z archives: every file entry is a member, in the archive's order. Encrypted ones are named and not read (provkit
 * holds no passwords).
 */
public final class SevenZMembers implements ContainerReader {

    @Override
    public ContainerSummary read(Path file, Scratch scratch, MemberSink sink) throws IOException {
        ArchiveEntries entries = new ArchiveEntries(scratch, sink);
        try (SevenZFile sevenZ = SevenZFile.builder().setPath(file).get()) {
            SevenZArchiveEntry entry;
            while ((entry = sevenZ.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.isAntiItem()) {
                    continue;
                }
                if (encrypted(entry)) {
                    entries.warn("entry \"" + entry.getName() + "\" is encrypted (a password is needed): not read");
                    continue;
                }
                if (!entries.member(entry.getName(), null, sevenZ.getInputStream(entry))) {
                    entries.warn("the 7z archive could not be read past entry \"" + entry.getName() + "\"");
                    break;
                }
            }
        } catch (ContainerLimitException e) {
            entries.warn(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // commons-compress names the file it read, which may be a staged copy: the record names no such path
            entries.warn("the 7z archive could not be read " + (entries.members() == 0 ? "" : "to its end ")
                    + "(" + HttpCapture.describe(e).replace(" from " + file, "").replace(file.toString(), "the archive") + ")");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("members", entries.members());
        return new ContainerSummary(ContainerFormat.SEVEN_Z, details, entries.warnings());
    }

    private static boolean encrypted(SevenZArchiveEntry entry) {
        for (SevenZMethodConfiguration method : entry.getContentMethods()) {
            if (method.getMethod() == SevenZMethod.AES256SHA256) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> memberNames(Path file) {
        Set<String> names = new LinkedHashSet<>();
        try (SevenZFile sevenZ = SevenZFile.builder().setPath(file).get()) {
            for (SevenZArchiveEntry entry : sevenZ.getEntries()) {
                if (!entry.isDirectory()) {
                    names.add(MemberNames.entry(entry.getName()).name());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no list up front
        }
        return names;
    }
}
