package org.provkit.bundle;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/**
 * Turns the SOURCES of {@code bundle} into a sorted list of regular files. Links are never followed
 * and devices, fifos and sockets are skipped: each is a note, not an error.
 */
public final class SourceScanner {

    /** The sources found, sorted by recorded path, and the notes on what was left out. */
    public record Result(List<SourceFile> files, List<SourceNote> notes) {
    }

    private SourceScanner() {
    }

    /** Fails at once, before any work, on a source that is not there. */
    public static void requireExisting(List<Path> sources) {
        for (Path source : sources) {
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new ProvkitException(ExitCode.UNREADABLE, source + ": no such file or folder");
            }
        }
    }

    public static Result scan(List<Path> sources) {
        return scan(sources, null);
    }

    /**
     * As {@link #scan(List)}, for a run that writes into {@code outputFolder}: what the folders hold that must
     * not be bundled (that folder, bundles, catalogs) is left out with a note ({@link SourceExclusions}).
     */
    public static Result scan(List<Path> sources, Path outputFolder) {
        SourceExclusions exclusions = SourceExclusions.writingTo(outputFolder);
        List<SourceFile> files = new ArrayList<>();
        List<SourceNote> notes = new ArrayList<>();
        Set<String> roots = new HashSet<>();
        requireExisting(sources);
        for (Path source : sources) {
            String root = uniqueRoot(rootName(source), roots);
            if (Files.isDirectory(source)) {
                walk(source, root, files, notes, exclusions);
            } else if (Files.isRegularFile(source)) {
                if (!Files.isReadable(source)) {
                    throw new ProvkitException(ExitCode.UNREADABLE, source + ": not readable (permission denied)");
                }
                files.add(new SourceFile(source, root, size(source)));
            } else {
                notes.add(new SourceNote(source.toString(), "not a regular file or folder: skipped"));
            }
        }
        files.sort(Comparator.comparing(SourceFile::recordedPath));
        for (SourceFile file : files) {
            String inBag = file.bagName();
            if (file.rawNameHex() == null && !inBag.equals(file.recordedPath())) {
                notes.add(new SourceNote(file.recordedPath(), "name cannot be kept as it is on every file system and"
                        + " BagIt tool: stored in the bag as " + BagPaths.original(inBag)
                        + " (docs/payload-names.md); its record keeps the exact name"));
            }
        }
        notes.addAll(NameCollisions.find(files.stream().map(SourceFile::recordedPath).toList()));
        return new Result(List.copyOf(files), List.copyOf(notes));
    }

    /**
     * Files found by the caller, with the paths the bundle records for them, sorted and checked for names
     * that collide as {@link #scan} checks what it finds.
     */
    public static Result of(List<SourceFile> found) {
        List<SourceFile> files = new ArrayList<>(found);
        files.sort(Comparator.comparing(SourceFile::recordedPath));
        List<SourceNote> notes = NameCollisions.find(files.stream().map(SourceFile::recordedPath).toList());
        return new Result(List.copyOf(files), List.copyOf(notes));
    }

    private static String rootName(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return name == null ? "root" : name.toString();
    }

    /** Two sources with the same name ({@code a/seeds}, {@code b/seeds}) get {@code seeds}, {@code seeds-2}. */
    private static String uniqueRoot(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    private static void walk(Path folder, String root, List<SourceFile> files, List<SourceNote> notes,
            SourceExclusions exclusions) {
        try {
            Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String excluded = exclusions.folder(dir, attrs);
                    if (excluded != null) {
                        String relative = relative(folder, dir);
                        notes.add(new SourceNote(relative.isEmpty() ? root : root + "/" + relative, excluded));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String recorded = root + "/" + relative(folder, file);
                    String excluded = attrs.isRegularFile() ? exclusions.file(file) : null;
                    if (excluded != null) {
                        notes.add(new SourceNote(recorded, excluded));
                    } else if (attrs.isSymbolicLink()) {
                        notes.add(new SourceNote(recorded, "symbolic link: not followed, not bundled"));
                    } else if (attrs.isRegularFile()) {
                        if (!Files.isReadable(file)) {
                            throw new ProvkitException(ExitCode.UNREADABLE, file + ": not readable (permission denied)");
                        }
                        if (RawNames.looksUndecodable(recorded)) {
                            byte[] raw = RawNames.relativeBytes(folder, file);
                            String safe = root + "/" + RawNames.safeName(raw);
                            SourceFile source = new SourceFile(file, safe, attrs.size(), RawNames.hex(raw));
                            files.add(source);
                            notes.add(new SourceNote(safe, "name is not valid UTF-8: stored in the bag as "
                                    + BagPaths.original(source.bagName())
                                    + "; the original name's bytes are in its record (originalNameHex)"));
                        } else {
                            files.add(new SourceFile(file, recorded, attrs.size()));
                        }
                    } else {
                        notes.add(new SourceNote(recorded, "not a regular file (device, fifo or socket): skipped"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new ProvkitException(ExitCode.UNREADABLE, file + ": cannot be read (" + reason(e) + ")");
                }
            });
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, folder + ": cannot be read (" + reason(e) + ")");
        }
    }

    private static String relative(Path folder, Path file) {
        Path rel = folder.relativize(file);
        StringBuilder out = new StringBuilder();
        for (Path part : rel) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, file + ": cannot be read (" + reason(e) + ")");
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
