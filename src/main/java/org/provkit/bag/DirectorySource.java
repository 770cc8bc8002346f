package org.provkit.bag;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bag directory. Entries come in provkit's bundle order: the files directly in the bag folder first
 * (so bagit.txt and the manifests are known before any payload byte), then everything below, by name.
 * Symbolic links are reported as links, never followed; files are opened with {@code NOFOLLOW_LINKS}.
 */
public final class DirectorySource implements BagSource {

    private final Path root;
    private List<Listed> listing;

    private record Listed(String name, Path path, BasicFileAttributes attributes, String error) {
    }

    public DirectorySource(Path root) {
        this.root = root;
    }

    @Override
    public String format() {
        return "directory";
    }

    @Override
    public long totalBytes() {
        return listing().stream().filter(l -> l.attributes() != null && l.attributes().isRegularFile())
                .mapToLong(l -> l.attributes().size()).sum();
    }

    @Override
    public void forEach(EntryVisitor visitor, AtomicLong progress) throws IOException {
        List<Listed> entries = listing();
        for (int index = 0; index < entries.size(); index++) {
            Listed listed = entries.get(index);
            BasicFileAttributes a = listed.attributes();
            BagFile.Kind kind = a == null ? BagFile.Kind.FILE
                    : a.isSymbolicLink() ? BagFile.Kind.LINK
                    : a.isDirectory() ? BagFile.Kind.DIRECTORY
                    : a.isRegularFile() ? BagFile.Kind.FILE : BagFile.Kind.SPECIAL;
            String target = null;
            if (kind == BagFile.Kind.LINK) {
                try {
                    target = Files.readSymbolicLink(listed.path()).toString();
                } catch (IOException | UnsupportedOperationException e) {
                    target = "?";
                }
            }
            BagFile file = new BagFile(index, listed.name(), kind, a == null ? 0 : a.size(), target);
            if (listed.error() != null) {
                file.setReadError(listed.error());
                visitor.visit(file, null);
                continue;
            }
            if (kind != BagFile.Kind.FILE) {
                visitor.visit(file, null);
                continue;
            }
            try (FileChannel channel = FileChannel.open(listed.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                visitor.visit(file, new RegionInputStream(channel, listed.path(), 0, a.size(), true));
            } catch (IOException e) {
                file.setReadError(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                visitor.visit(file, null);
            }
        }
    }

    private List<Listed> listing() {
        if (listing == null) {
            listing = walk();
        }
        return listing;
    }

    private List<Listed> walk() {
        List<Listed> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        found.add(new Listed(name(dir), dir, attrs, null));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    found.add(new Listed(name(file), file, attrs, null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(new Listed(name(file), file, null, "cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        found.sort(Comparator.comparing((Listed l) -> l.name().indexOf('/') >= 0).thenComparing(Listed::name));
        return found;
    }

    private String name(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path part : root.relativize(path)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part.toString());
        }
        return out.toString();
    }
}
