package org.provkit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where provkit writes: checked before any work is done, so that a wrong or unwritable place is one line at
 * once (a file where a folder is needed is a usage error, exit 2; a missing, unwritable or read-only place
 * is exit 3), and written under a temporary name that is renamed when complete, so that no half-written
 * file ever carries the name asked for.
 */
public final class OutputFiles {

    /** Temporary names start with this (the same prefix {@code bundle} uses), so a later run can tidy them. */
    public static final String TEMP_PREFIX = ".provkit-tmp-";

    /** Writes the content of an output file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    /**
     * Makes sure {@code folder} is a folder provkit can write in, creating it (and its parents) when absent.
     *
     * @param label how the user named it, e.g. "output folder" or "-o"
     * @return true when the folder was created
     */
    public static boolean prepareFolder(Path folder, String label) {
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                throw ProvkitException.usage("the " + label + " " + folder + " is " + kindOf(folder) + ", not a folder");
            }
            probe(folder, "cannot write in the " + label + " " + folder);
            return false;
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw ProvkitException.usage("the " + label + " " + folder + " cannot be made: " + existing + " is " + kindOf(existing));
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot create the " + label + " " + folder + ": "
                    + Failures.reason(e), e);
        }
        return true;
    }

    /**
     * Makes sure {@code file} can be written (its folder exists and takes new files; it is no folder itself).
     * {@code -} (standard output) always can.
     */
    public static void checkFile(Path file, String label) {
        if (isStandardStream(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw ProvkitException.usage(label + " " + file + ": is a folder; name a file in it");
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (!Files.isDirectory(folder)) {
            throw new ProvkitException(ExitCode.UNREADABLE, label + " " + file + ": "
                    + (Files.exists(folder) ? folder + " is " + kindOf(folder) : "no folder " + folder));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw ProvkitException.usage(label + " " + file + ": " + kindOf(file) + "; name a regular file");
        }
        probe(folder, label + " " + file + ": cannot write in " + folder);
    }

    /** True for {@code -}, the conventional name of standard input or output. */
    public static boolean isStandardStream(Path path) {
        return path != null && path.toString().equals("-");
    }

    /**
     * Writes {@code file} under a temporary name in its folder, syncs it and renames it into place (replacing
     * an older file of that name only once the new one is complete).
     */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path temp = folder.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())
                + "-" + file.getFileName());
        try (Interruption.Registration cleanUp = Interruption.onInterrupt(file + " was not written", () -> deleteQuietly(temp))) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Creates and removes a file in {@code folder}: the one sure test that it takes new files. */
    private static void probe(Path folder, String failure) {
        Path probe = folder.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())
                + "-probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            deleteQuietly(probe);
            throw new ProvkitException(ExitCode.UNREADABLE, failure + ": " + Failures.reason(e), e);
        }
    }

    private static String kindOf(Path path) {
        if (Files.isRegularFile(path)) {
            return "a file";
        }
        if (Files.isDirectory(path)) {
            return "a folder";
        }
        return Files.exists(path) ? "a device or special file" : "missing";
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary name: the next run's sweep removes it
        }
    }
}
