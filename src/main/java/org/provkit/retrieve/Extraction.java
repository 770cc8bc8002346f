package org.provkit.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.provkit.ExitCode;
import org.provkit.Interruption;
import org.provkit.OutputFiles;
import org.provkit.ProvkitException;
import org.provkit.bag.BagPaths;
import org.provkit.bag.ChecksumAlgorithm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code provkit extract}: originals (or extracted texts) out of a bundle, by the paths its records give
 * them, into a folder or to standard output. Safe by construction: every name comes from an untrusted bundle,
 * so one that is absolute, climbs out with {@code ..}, or would pass through a link is refused; nothing is
 * overwritten; each file is checked against the bundle's SHA-256 manifest before it gets its name (written
 * under a temporary name first, so a damaged file is never left behind as if it were the original).
 */
public final class Extraction {

    /** What to take out: the file at {@code bagPath}, written as {@code outputPath} (relative, '/'-separated). */
    public record Item(String bagPath, String outputPath) {
    }

    private Extraction() {
    }

    /**
     * The files {@code paths} name: a document's recorded path (its original, or with {@code text} its extracted
     * text), a folder of recorded paths, or any path in the bag ({@code data/provenance.json}); all documents
     * when {@code paths} is empty.
     *
     * @throws ProvkitException exit 2 for a path the bundle has no file for
     */
    public static List<Item> select(BundleIndex index, List<String> paths, boolean text) {
        Map<String, Item> chosen = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            index.records().forEach(record -> add(chosen, item(record, text)));
        }
        for (String raw : paths) {
            String path = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            List<ObjectNode> matching = index.records().stream().filter(r -> r.path("path").asText().equals(path)
                    || r.path("path").asText().startsWith(path + "/")).toList();
            if (!matching.isEmpty()) {
                matching.forEach(record -> add(chosen, item(record, text)));
            } else if (index.lists(path)) {
                add(chosen, new Item(path, path));
            } else {
                throw ProvkitException.usage(index.bundle() + " holds no document or file " + raw
                        + " ('provkit inspect " + index.bundle() + "' lists its documents)");
            }
        }
        return List.copyOf(chosen.values());
    }

    private static void add(Map<String, Item> chosen, Item item) {
        chosen.putIfAbsent(item.bagPath(), item);
    }

    private static Item item(ObjectNode record, boolean text) {
        String path = record.path("path").asText();
        return text ? new Item(BundleIndex.textPath(record), path + ".txt") : new Item(BundleIndex.originalPath(record), path);
    }

    /**
     * Writes {@code items} under {@code folder} (created if need be). Everything is checked before the first
     * byte is written: names, links, files already there.
     *
     * @return the files written, in the bundle's order
     * @throws ProvkitException exit 1 when the bundle's names are unsafe or a file does not match its
     *         checksum (that file is not written); exit 2 when a file is there already
     */
    public static List<Path> toFolder(BundleIndex index, List<Item> items, Path folder) {
        Map<String, Path> targets = new LinkedHashMap<>();
        Path root = folder.toAbsolutePath().normalize();
        for (Item item : items) {
            targets.put(item.bagPath(), target(root, item, index));
        }
        OutputFiles.prepareFolder(folder, "output folder");
        List<Path> written = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        targets.values().forEach(t -> folders.add(t.getParent()));
        try (Interruption.Registration cleanUp = Interruption.onInterrupt("extraction stopped; files not yet checked were "
                + "removed", () -> folders.forEach(Extraction::removeOwnTemporaryFiles))) {
            Set<String> missing = BundleEntries.forEach(index.bundle(), targets.keySet(), (bagPath, content) -> {
                Path target = targets.get(bagPath);
                Files.createDirectories(target.getParent());
                refuseLinks(root, target.getParent());
                Path temp = target.resolveSibling(OutputFiles.TEMP_PREFIX + ProcessHandle.current().pid() + "-"
                        + Long.toHexString(System.nanoTime()) + "-extract");
                try {
                    String sha256;
                    try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                        sha256 = copy(content, out);
                    }
                    check(index, bagPath, sha256);
                    Files.move(temp, target);
                    written.add(target);
                } finally {
                    Files.deleteIfExists(temp);
                }
            });
            requireFound(index, missing);
        }
        return written;
    }

    /** Writes one item to {@code out}; a mismatch is said after the bytes went out (there is no taking them back). */
    public static void toStream(BundleIndex index, Item item, OutputStream out) {
        String[] sha256 = new String[1];
        Set<String> missing = BundleEntries.forEach(index.bundle(), Set.of(item.bagPath()), (bagPath, content) -> {
            sha256[0] = copy(content, out);
            out.flush();
        });
        requireFound(index, missing);
        check(index, item.bagPath(), sha256[0]);
    }

    private static Path target(Path root, Item item, BundleIndex index) {
        Optional<String> unsafe = BagPaths.unsafeReason(item.outputPath());
        Path target = root.resolve(item.outputPath()).normalize();
        if (unsafe.isPresent() || !target.startsWith(root) || target.equals(root)) {
            throw new ProvkitException(ExitCode.PROBLEMS, index.bundle() + " names its file " + item.outputPath()
                    + ", which is not safe to write (" + unsafe.orElse("it leaves the output folder") + "): nothing extracted");
        }
        if (!index.lists(item.bagPath())) {
            throw new ProvkitException(ExitCode.PROBLEMS, item.bagPath() + " is not in " + index.bundle()
                    + "'s payload manifest, so it cannot be checked: nothing extracted");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw ProvkitException.usage(target + " exists already; extract never overwrites: choose another -o folder");
        }
        return target;
    }

    /** No folder between the output folder and a file may be a symbolic link (it would lead the file elsewhere). */
    private static void refuseLinks(Path root, Path folder) {
        for (Path p = folder; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new ProvkitException(ExitCode.PROBLEMS, p + " is a symbolic link: extract writes nothing through one");
            }
        }
    }

    private static void check(BundleIndex index, String bagPath, String sha256) {
        String expected = index.sha256(bagPath);
        if (expected == null || !expected.equals(sha256)) {
            throw new ProvkitException(ExitCode.PROBLEMS, bagPath + " in " + index.bundle() + " does not match its checksum in "
                    + ChecksumAlgorithm.SHA256.manifestName() + " (the bundle is damaged; 'provkit verify' says more)");
        }
    }

    private static void requireFound(BundleIndex index, Set<String> missing) {
        if (!missing.isEmpty()) {
            throw new ProvkitException(ExitCode.PROBLEMS, index.bundle() + " lists " + missing.iterator().next()
                    + " but does not hold it (the bundle is incomplete; 'provkit verify' says more)");
        }
    }

    private static String copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = ChecksumAlgorithm.SHA256.newDigest();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void removeOwnTemporaryFiles(Path folder) {
        try (var entries = Files.newDirectoryStream(folder, OutputFiles.TEMP_PREFIX + ProcessHandle.current().pid() + "-*")) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            // a temporary name: harmless
        }
    }
}
