package org.provkit.spark;

import java.io.Serializable;

/**
 * A source file found on a Hadoop file system: where it is ({@code uri}), the path a bundle records for it
 * (the input folder's name and the path inside it, as {@code provkit bundle} records it) and its size.
 */
public record SourceEntry(String uri, String recordedPath, long size) implements Serializable {

    /** The file's own name: the last part of the recorded path. */
    public String fileName() {
        return recordedPath.substring(recordedPath.lastIndexOf('/') + 1);
    }
}
