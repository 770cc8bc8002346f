package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Whether a file or folder looks like a BagIt bag, told cheaply (a look at its first entries, never a
 * verification): a folder holding {@code bagit.txt}; a {@code .tar}, {@code .tar.gz}, {@code .tgz} or
 * {@code .zip} whose one top folder holds {@code bagit.txt}, or a provkit payload ({@code data/originals/},
 * {@code data/records/}, {@code data/text/}), the entries a provkit bundle starts with.
 */
public final class BagShape {

    private static final Pattern BAG_ENTRY = Pattern.compile("(\\./)?[^/]+/(bagit\\.txt|data/(originals|records|text)/.*)");
    /** Entries of a tar looked at; a bag's declaration comes early, or a bundle's payload first. */
    private static final int ENTRIES_LOOKED_AT = 64;

    private BagShape() {
    }

    public static boolean looksLikeBag(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve("bagit.txt"));
        }
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(path)
                || !(lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".zip"))) {
            return false;
        }
        try {
            if (lower.endsWith(".zip")) {
                try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
                    return java.util.Collections.list(zip.getEntries()).stream()
                            .anyMatch(entry -> BAG_ENTRY.matcher(entry.getName()).matches());
                }
            }
            try (InputStream file = Files.newInputStream(path);
                    InputStream in = lower.endsWith(".tar") ? file : GzipCompressorInputStream.builder().setInputStream(file).get();
                    TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (int i = 0; i < ENTRIES_LOOKED_AT; i++) {
                    ArchiveEntry entry = tar.getNextEntry();
                    if (entry == null) {
                        return false;
                    }
                    if (BAG_ENTRY.matcher(entry.getName()).matches()) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // not a readable archive
        }
        return false;
    }
}
