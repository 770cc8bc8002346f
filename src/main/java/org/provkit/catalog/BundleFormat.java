package org.provkit.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How a bundle is serialized on disk (DESIGN.md, "Bundle layout"). */
public enum BundleFormat {
    TAR("tar"), TAR_GZ("tar.gz"), ZIP("zip"), DIRECTORY("dir");

    private final String label;

    BundleFormat(String label) {
        this.label = label;
    }

    /** The short name stored in the catalog ({@code tar}, {@code tar.gz}, {@code zip}, {@code dir}). */
    public String label() {
        return label;
    }

    /** The format of a file or folder by its name (folders: those holding a {@code bagit.txt}). */
    public static Optional<BundleFormat> of(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve("bagit.txt")) ? Optional.of(DIRECTORY) : Optional.empty();
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return Optional.of(TAR_GZ);
        }
        if (name.endsWith(".tar")) {
            return Optional.of(TAR);
        }
        if (name.endsWith(".zip")) {
            return Optional.of(ZIP);
        }
        return Optional.empty();
    }

    /** The bag name a file of this format suggests ({@code NAME.tar.gz} → {@code NAME}). */
    public String bagNameOf(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".tar.gz", ".tgz", ".tar", ".zip"}) {
            if (this != DIRECTORY && lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
