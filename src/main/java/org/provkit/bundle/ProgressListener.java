package org.provkit.bundle;

/** Told how far a long job has come; the CLI draws a bar on a terminal, tests ignore it. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void start(String phase, long total) {
    }

    default void advance(long amount) {
    }

    default void finish() {
    }
}
