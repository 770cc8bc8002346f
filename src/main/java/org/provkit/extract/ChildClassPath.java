package org.provkit.extract;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path of an extraction child: where provkit's own classes were loaded from, then this JVM's
 * class path. {@code java.class.path} alone is not enough: an application loaded by its own class
 * loader (spark-submit's application jar, a servlet container) is not on it, and every child then failed
 * at once, which the parent could only report as a crashed parser for each PDF, office or image file.
 */
final class ChildClassPath {

    private ChildClassPath() {
    }

    /** For the child of this JVM. */
    static String current() {
        return of(codeSourceOf(ExtractionWorker.class), System.getProperty("java.class.path", ""));
    }

    /** {@code codeSource} (may be null) first, then the entries of {@code javaClassPath} not already listed. */
    static String of(String codeSource, String javaClassPath) {
        Set<String> entries = new LinkedHashSet<>();
        if (codeSource != null) {
            entries.add(codeSource);
        }
        for (String entry : javaClassPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, new ArrayList<>(entries));
    }

    /** The file or folder a class was loaded from, or null when it is no local file (a nested jar, a URL). */
    static String codeSourceOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        try {
            return Path.of(location.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
