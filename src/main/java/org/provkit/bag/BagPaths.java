package org.provkit.bag;

import java.util.Locale;
import java.util.Optional;

/**
 * Rules for paths written inside a bag (manifests, fetch.txt, archive entry names), RFC 8493 §5.1:
 * nothing may point outside the bag on any operating system a bag may be opened on. A Windows-only
 * form (drive letter, UNC, backslash, {@code %VAR%}) is refused on Linux too, because the same bag
 * opened on Windows would escape.
 */
public final class BagPaths {


    private BagPaths() {
    }

    /** Why a relative bag path is unsafe or not a plain path, or empty when it is a plain path inside the bag. */
    public static Optional<String> unsafeReason(String path) {
        if (path.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (path.indexOf('\0') >= 0) {
            return Optional.of("the path holds a NUL character");
        }
        if (path.startsWith("\\\\") || path.startsWith("//")) {
            return Optional.of("a UNC or network path");
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && isAsciiLetter(path.charAt(0))) {
            return Optional.of("a Windows drive letter");
        }
        if (startsWithWindowsVariable(path)) {
            return Optional.of("a Windows environment variable");
        }
        if (path.startsWith("/")) {
            return Optional.of("an absolute path");
        }
        if (path.startsWith("~")) {
            return Optional.of("a home-directory shortcut (~)");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("a backslash, a directory separator on Windows");
        }
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 2 && path.startsWith("..", start)) {
                return Optional.of("a parent-directory component (..)");
            }
            if (length == 0 || (length == 1 && path.charAt(start) == '.')) {
                return Optional.of("an empty or '.' component");
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** {@code %NAME%...}: NAME at least one character, none of them '%', '/' or '\'. */
    private static boolean startsWithWindowsVariable(String path) {
        if (!path.startsWith("%")) {
            return false;
        }
        int i = 1;
        while (i < path.length() && "%/\\".indexOf(path.charAt(i)) < 0) {
            i++;
        }
        return i > 1 && i < path.length() && path.charAt(i) == '%';
    }

    /** The name as compared across file systems: Unicode NFC (RFC 8493 §6.1.1.3). */
    public static String normalized(String path) {
        return org.provkit.Nfc.of(path);
    }

    /** The NFC name folded to lower case: two names with the same key clash on a case-insensitive file system. */
    public static String caseFolded(String path) {
        return normalized(path).toLowerCase(Locale.ROOT);
    }

    /** Whether a payload file is operating-system litter rather than content (Finder, Explorer). */
    public static boolean isSystemFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals(".DS_Store") || name.equalsIgnoreCase("Thumbs.db") || name.equalsIgnoreCase("desktop.ini")
                || name.startsWith("._") || name.equals(".Spotlight-V100") || name.equals(".Trashes");
    }

    /** Strips leading {@code ./} prefixes; returns the path unchanged when it has none. */
    public static String stripDotSlash(String path) {
        String out = path;
        while (out.startsWith("./")) {
            out = out.substring(2);
        }
        return out;
    }
}
