package org.provkit.bundle;

/** Something about the sources that was not bundled (a link, a device) or needs a word, with where. */
public record SourceNote(String path, String message) {
}
