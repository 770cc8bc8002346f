package org.provkit.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/** Temporary names, fsync and no-clobber renames: a crash never leaves a half bundle under a final name. */
public final class AtomicFiles {

    /** Every temporary file or folder provkit makes in an output folder starts with this. */
    public static final String TEMP_PREFIX = ".provkit-tmp-";

    private AtomicFiles() {
    }

    /** A temporary name in {@code folder} that names this process, so a later run can tell leftovers. */
    public static Path tempSibling(Path folder, String purpose) {
        return folder.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())
                + "-" + purpose);
    }

    /**
     * Moves {@code temp} to {@code target} atomically without ever replacing an existing target: a hard
     * link (which fails if the name exists) then removal of the temporary name; for folders, or where
     * links are not supported, an atomic rename after a check.
     */
    public static void publish(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new ProvkitException(ExitCode.USAGE, target + " already exists: a bundle is never overwritten (choose --name)");
        }
        if (Files.isRegularFile(temp)) {
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
                syncFolder(target.getParent());
                return;
            } catch (FileAlreadyExistsException e) {
                throw new ProvkitException(ExitCode.USAGE, target + " already exists: a bundle is never overwritten (choose --name)");
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target)) {
                    throw e;
                }
                // no hard links here (some file systems): fall back to a checked rename
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(target.getParent());
    }

    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** fsync of a folder, so that a rename inside it survives a crash. Not every platform allows it. */
    public static void syncFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // folders cannot be opened for sync on some systems; the rename itself is still atomic
        }
    }

    /** Removes temporary files and folders that runs which are no longer alive left in {@code folder}. */
    public static int removeLeftovers(Path folder) {
        int removed = 0;
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var entries = Files.newDirectoryStream(folder, TEMP_PREFIX + "*")) {
            for (Path entry : entries) {
                if (ownerAlive(entry.getFileName().toString())) {
                    continue;
                }
                deleteRecursively(entry);
                removed++;
            }
        } catch (IOException e) {
            // leftovers are harmless: they never carry a final name
        }
        return removed;
    }

    private static boolean ownerAlive(String name) {
        String rest = name.substring(TEMP_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Removes this process's own temporary files and folders in {@code folder} (a run that is being stopped). */
    public static void removeOwn(Path folder) {
        try (var entries = Files.newDirectoryStream(folder, TEMP_PREFIX + ProcessHandle.current().pid() + "-*")) {
            for (Path entry : entries) {
                deleteRecursively(entry);
            }
        } catch (IOException e) {
            // what cannot be removed now carries a temporary name: the next run's sweep removes it
        }
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }
}
