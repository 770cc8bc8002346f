package org.provkit.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the archive readers (zip, tar, 7z) share: turning an entry into a staged member, and their warnings. */
final class ArchiveEntries {

    private final Scratch scratch;
    private final MemberSink sink;
    private final List<String> warnings = new ArrayList<>();
    private int members;

    ArchiveEntries(Scratch scratch, MemberSink sink) {
        this.scratch = scratch;
        this.sink = sink;
    }

    /** Stages one file entry from {@code content} and hands it to the sink; false when it could not be read to its end. */
    boolean member(String rawName, Long offset, InputStream content) throws IOException {
        scratch.countMember();
        MemberNames.EntryName name = MemberNames.entry(rawName);
        List<String> memberWarnings = new ArrayList<>();
        String where = "entry \"" + rawName + "\"" + (offset == null ? "" : " at offset " + offset);
        if (name.escapes()) {
            memberWarnings.add(where + " names a place outside its folder: kept inside it as " + name.name());
        }
        Path staged = scratch.file(name.name());
        boolean whole = true;
        try {
            try {
                scratch.stage(content, staged);
            } catch (ContainerLimitException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                whole = false;
                memberWarnings.add(where + " could not be read to its end (" + HttpCapture.describe(e)
                        + "): kept as far as it could be read");
            }
            members++;
            sink.accept(new Member(MemberIdentity.entry(name.name(), rawName, offset), null, null, List.copyOf(memberWarnings)), staged);
            return whole;
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** An entry that is not a file (a link, a device): named, never followed. */
    void skipped(String rawName, Long offset, String what) {
        warnings.add("entry \"" + rawName + "\"" + (offset == null ? "" : " at offset " + offset) + " is " + what + ": not followed");
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    int members() {
        return members;
    }
}
