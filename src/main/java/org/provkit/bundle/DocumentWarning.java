package org.provkit.bundle;

/** A warning about one document, with its recorded path. */
public record DocumentWarning(String path, String message) {
}
