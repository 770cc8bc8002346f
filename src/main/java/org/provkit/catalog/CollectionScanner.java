package org.provkit.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.provkit.ProvkitException;

/**
 * Finds the bundles directly inside an archives folder: {@code *.tar}, {@code *.tar.gz}, {@code *.tgz},
 * {@code *.zip} files and folders holding a {@code bagit.txt}. Hidden names (temporary
 * {@code .NAME.*.partial} files among them) and the catalog itself are skipped; sub-folders that are no
 * bag are not searched.
 */
public final class CollectionScanner {

    private CollectionScanner() {
    }

    public static List<BundleFile> scan(Path archives) {
        if (!Files.isDirectory(archives)) {
            throw ProvkitException.unreadable("not a folder: " + archives, null);
        }
        List<BundleFile> bundles = new ArrayList<>();
        try (Stream<Path> children = Files.list(archives)) {
            for (Path child : (Iterable<Path>) children.sorted()::iterator) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || name.startsWith(Catalog.FILE_NAME)) {
                    continue;
                }
                Optional<BundleFormat> format = BundleFormat.of(child);
                if (format.isPresent()) {
                    bundles.add(describe(child, name, format.get()));
                }
            }
        } catch (IOException e) {
            throw ProvkitException.unreadable("cannot list " + archives + ": " + e.getMessage(), e);
        }
        bundles.sort(Comparator.comparing(BundleFile::relativePath));
        return bundles;
    }

    static BundleFile describe(Path path, String relativePath, BundleFormat format) throws IOException {
        if (format != BundleFormat.DIRECTORY) {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new BundleFile(relativePath, path, format, attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
        long[] sizeAndTime = {0, 0};
        try (Stream<Path> all = Files.walk(path)) {
            all.forEach(p -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        sizeAndTime[0] += attributes.size();
                    }
                    sizeAndTime[1] = Math.max(sizeAndTime[1], attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new BundleFile(relativePath, path, format, sizeAndTime[0], sizeAndTime[1]);
    }
}
