package org.provkit.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a reader over a file and keeps what its sink saw: each member with a copy of its bytes, and the summary. */
record ReadMembers(ContainerSummary summary, List<Seen> members) {

    /** A member as the sink saw it, with its content (null when it had none). */
    record Seen(Member member, byte[] content) {

        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static ReadMembers of(ContainerReader reader, Path file, Path scratch) throws IOException {
        return of(reader, file, scratch, ContainerLimits.defaults());
    }

    static ReadMembers of(ContainerReader reader, Path file, Path scratch, ContainerLimits limits) throws IOException {
        List<Seen> seen = new ArrayList<>();
        ContainerSummary summary = reader.read(file, Scratch.open(scratch, Files.size(file), limits),
                (member, content) -> seen.add(new Seen(member, content == null ? null : Files.readAllBytes(content))));
        return new ReadMembers(summary, List.copyOf(seen));
    }

    List<String> names() {
        return members.stream().map(s -> s.member().name()).toList();
    }

    List<String> warnings() {
        return summary.warnings();
    }

    Seen member(String name) {
        return members.stream().filter(s -> s.member().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + name + " among " + names()));
    }
}
