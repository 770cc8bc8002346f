package org.provkit.container;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one container format: every member goes to the sink, in one pass over the container's bytes. */
public interface ContainerReader {

    /**
     * Reads {@code file}, staging each member's bytes in {@code scratch}. Damage is reported in the summary's
     * warnings (and the member's), never thrown; an exception means the file could not be read at all, or the
     * sink failed.
     */
    ContainerSummary read(Path file, Scratch scratch, MemberSink sink) throws IOException;

    /**
     * The names its members will have, when the format lists them up front (a zip's central directory), so that
     * a member's references to the others can be checked; empty otherwise.
     */
    default java.util.Set<String> memberNames(Path file) {
        return java.util.Set.of();
    }
}
