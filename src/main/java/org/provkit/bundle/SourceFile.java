package org.provkit.bundle;

import java.nio.file.Path;

/**
 * A regular file to bundle. {@code recordedPath} is its '/'-separated path as the bundle records it:
 * the source folder's name followed by the path inside it, or just the name of a file given directly.
 * {@code rawNameHex} is null, or, for a file whose relative path is not valid UTF-8, that path's original
 * bytes: the {@link Path} object still opens it (it keeps the bytes), but its string form does not, so
 * such a file is copied under its safe recorded name before a child process reads it. The bag stores the
 * file under {@link #bagName()}, which differs from {@code recordedPath} only for names that some file
 * system or BagIt tool cannot hold as they are.
 */
public record SourceFile(Path file, String recordedPath, long size, String rawNameHex) {

    public SourceFile(Path file, String recordedPath, long size) {
        this(file, recordedPath, size, null);
    }

    boolean needsSafeCopy() {
        return rawNameHex != null;
    }

    /**
     * Where the file's bytes are stored in the bag, below {@code data/originals/}: its path made portable
     * ({@link PortableNames}), from the original bytes when the name is not UTF-8.
     */
    public String bagName() {
        if (rawNameHex == null) {
            return PortableNames.path(recordedPath);
        }
        int slash = recordedPath.indexOf('/');
        return PortableNames.path(recordedPath.substring(0, slash)) + "/"
                + PortableNames.path(java.util.HexFormat.of().parseHex(rawNameHex));
    }

    SourceFile withFile(Path copy) {
        return new SourceFile(copy, recordedPath, size, rawNameHex);
    }
}
