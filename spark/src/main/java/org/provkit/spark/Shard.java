package org.provkit.spark;

import java.io.Serializable;
import java.util.List;

/** The files of one bundle, {@code NAME-00001} for the first shard of collection NAME. */
public record Shard(int index, String name, List<SourceEntry> files) implements Serializable {

    public Shard {
        files = List.copyOf(files);
    }

    public long bytes() {
        return files.stream().mapToLong(SourceEntry::size).sum();
    }

    public static String name(String collection, int index) {
        return String.format("%s-%05d", collection, index);
    }
}
