package org.provkit.bundle;

/** How a bundle is serialized. */
public enum BundleFormat {
    TAR(".tar"),
    TAR_GZ(".tar.gz"),
    ZIP(".zip"),
    DIR("");

    private final String extension;

    BundleFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Parses {@code tar}, {@code tar.gz} (or {@code tgz}), {@code zip}, {@code dir}. */
    public static BundleFormat parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "tar" -> TAR;
            case "tar.gz", "tgz", "tar_gz" -> TAR_GZ;
            case "zip" -> ZIP;
            case "dir", "directory" -> DIR;
            default -> throw new IllegalArgumentException("unknown format '" + text + "' (tar, tar.gz, zip, dir)");
        };
    }
}
