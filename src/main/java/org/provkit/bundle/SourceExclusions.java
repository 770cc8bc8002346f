package org.provkit.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

import org.provkit.OutputFiles;
import org.provkit.bag.BagShape;

/**
 * What {@code bundle} leaves out of the folders it walks, each with a note: its own output folder
 * ({@code bundle .} run twice bundled the first bundle), bundles (BagIt bags, as a folder or an archive whose
 * one top folder holds {@code bagit.txt} or {@code data/}), provkit's catalogs with their SQLite companions,
 * and provkit's temporary and lock files. A file named on the command line is bundled as asked: only what is
 * found by walking a folder is left out.
 */
final class SourceExclusions {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Object outputFolderKey;
    private final Path outputFolder;

    private SourceExclusions(Path outputFolder, Object outputFolderKey) {
        this.outputFolder = outputFolder;
        this.outputFolderKey = outputFolderKey;
    }

    /** Exclusions for a run writing into {@code outputFolder} (null: none known, as for inspect). */
    static SourceExclusions writingTo(Path outputFolder) {
        if (outputFolder == null || !Files.isDirectory(outputFolder)) {
            return new SourceExclusions(outputFolder, null);
        }
        try {
            return new SourceExclusions(outputFolder, Files.readAttributes(outputFolder, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return new SourceExclusions(outputFolder, null);
        }
    }

    /** Why a folder met while walking is left out with everything in it, or null to walk it. */
    String folder(Path folder, BasicFileAttributes attributes) {
        if (isOutputFolder(folder, attributes)) {
            return "left out: the output folder, where bundles are written";
        }
        if (BagShape.looksLikeBag(folder)) {
            return "left out: a BagIt bag (a bundle written as a folder?); to bundle it anyway, name it as a SOURCE";
        }
        return null;
    }

    /** Why a file met while walking is left out, or null to bundle it. */
    String file(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(OutputFiles.TEMP_PREFIX) || name.startsWith(BundleLock.PREFIX)) {
            return "left out: a temporary or lock file of a provkit run";
        }
        if (isCatalog(file, name)) {
            return "left out: a provkit catalog (derived from bundles; audit rebuilds it)";
        }
        if (BagShape.looksLikeBag(file)) {
            return "left out: a bundle (a BagIt bag packed as " + lower.substring(lower.indexOf('.') + 1) + "); to bundle it"
                    + " anyway, name it as a SOURCE";
        }
        return null;
    }

    private boolean isOutputFolder(Path folder, BasicFileAttributes attributes) {
        if (outputFolderKey != null && attributes.fileKey() != null) {
            return outputFolderKey.equals(attributes.fileKey());
        }
        return outputFolder != null && folder.toAbsolutePath().normalize().equals(outputFolder.toAbsolutePath().normalize());
    }

    /** {@code catalog.sqlite} and its {@code -wal}, {@code -shm}, {@code -journal}; or an SQLite file holding a catalog's tables. */
    private static boolean isCatalog(Path file, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("catalog.sqlite") && !lower.matches(".*\\.(sqlite3?|db)(-wal|-shm|-journal)?")) {
            return false;
        }
        for (String companion : new String[] {"-wal", "-shm", "-journal"}) {
            if (name.endsWith(companion)) {
                Path main = file.resolveSibling(name.substring(0, name.length() - companion.length()));
                return isCatalog(main, main.getFileName().toString()) || name.startsWith("catalog.sqlite");
            }
        }
        byte[] head = head(file, 64 * 1024);
        if (head.length < SQLITE_MAGIC.length || !java.util.Arrays.equals(head, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0,
                SQLITE_MAGIC.length)) {
            return false;
        }
        String schema = new String(head, StandardCharsets.ISO_8859_1);
        return name.startsWith("catalog.sqlite") || (schema.contains("schema_version") && schema.contains("document_text"));
    }

    private static byte[] head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
