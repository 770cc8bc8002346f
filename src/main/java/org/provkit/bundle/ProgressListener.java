package org.provkit.bundle;

/** Told how far a long job has come; the CLI draws a bar on a terminal, tests ignore it. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /** A phase begins: {@code files} files of {@code bytes} bytes in all. */
    default void start(String phase, long bytes, long files) {
    }

    /** One more file of {@code bytes} bytes is done. */
    default void advance(long bytes) {
    }

    default void finish() {
    }
}
