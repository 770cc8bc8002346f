package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every entry of a {@link BagSource} once: keeps the small tag files (bagit.txt, bag-info.txt,
 * manifests, fetch.txt, signature files) in memory, hashes everything else as it streams past, and reports
 * unsafe names, links, devices, duplicate entries and damaged archives as problems.
 *
 * <p>Which algorithms to hash a streamed entry with is decided when the entry arrives: the algorithms of
 * every manifest met so far; before any payload manifest has been met, SHA-256 and SHA-512 as well (the
 * algorithms provkit and most BagIt 1.0 tools write). That is exact for provkit's bundles, whichever
 * comes first in them (format v1 put the manifests first, later ones the payload), so each byte is read
 * once. A foreign archive with its payload first and a
 * manifest in another algorithm (say md5) at the end gets that algorithm in a second pass over just the
 * entries that need it ({@link #hashAgain}); the verifier finds out what is missing after the first pass.
 */
public final class BagScanner {

    /** How much to hash while streaming. */
    public enum Hashing {
        /** every streamed file, with the algorithms described above */
        ALL,
        /** nothing streamed: tag files kept in memory are hashed on demand; sizes still counted */
        NONE
    }

    /** A problem with one archive entry (its name as stored). */
    public record EntryProblem(String entryName, ReadProblem problem) {
    }

    /**
     * What one pass found; {@code root} is the bag folder inside the archive ({@code ""} or {@code "NAME/"}).
     * Payload digests may still be being computed when the scan returns (tag files can be checked
     * meanwhile): {@link #awaitDigests} before reading them, and {@link #close} when done.
     */
    public record Scan(List<BagFile> files, List<EntryProblem> problems, String root, DigestPipeline pipeline)
            implements AutoCloseable {

        /** Waits until every file's digests (or read error) are in. */
        public void awaitDigests() {
            pipeline.await();
        }

        @Override
        public void close() {
            pipeline.close();
        }
    }

    private static final Pattern MANIFEST = Pattern.compile("(?:tag)?manifest-([A-Za-z0-9]+)\\.txt");
    private static final Set<String> TAG_NAMES = Set.of("bagit.txt", "bag-info.txt", "package-info.txt", "fetch.txt");
    private static final Set<ChecksumAlgorithm> SPECULATIVE = EnumSet.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512);

    private BagScanner() {
    }

    /**
     * @throws IOException when the source cannot be read at all (not one entry could be read)
     */
    public static Scan scan(BagSource source, Hashing hashing, ArchiveLimits limits, AtomicLong progress)
            throws IOException {
        List<BagFile> files = new ArrayList<>();
        List<EntryProblem> problems = new ArrayList<>();
        Set<ChecksumAlgorithm> manifestAlgorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        boolean[] payloadManifestSeen = {false};
        Map<String, BagFile> byName = new HashMap<>();
        BagFile[] current = {null};
        DigestPipeline pipeline = new DigestPipeline(source.totalBytes());
        boolean returned = false;
        try {
            try {
                source.forEach((file, content) -> {
                    current[0] = file;
                    files.add(file);
                    String name = file.entryName();
                    Optional<String> unsafe = BagPaths.unsafeReason(name);
                    if (unsafe.isPresent()) {
                        problems.add(new EntryProblem(name, new ReadProblem("E_UNSAFE_ENTRY", "entry '"
                                + ManifestReader.printable(name) + "' is refused and not read: " + unsafe.get())));
                        file.setReadError("unsafe name");
                        return;
                    }
                    if (file.kind() != BagFile.Kind.DIRECTORY && byName.putIfAbsent(name, file) != null) {
                        problems.add(new EntryProblem(name, new ReadProblem("E_DUPLICATE_ENTRY",
                                "the " + source.format() + " holds two entries with this name; which one is the bag's is ambiguous")));
                    }
                    switch (file.kind()) {
                        case LINK -> problems.add(new EntryProblem(name, new ReadProblem("E_LINK",
                                "a link (to '" + file.linkTarget() + "'); links are never followed")));
                        case SPECIAL -> problems.add(new EntryProblem(name, new ReadProblem("E_SPECIAL_FILE",
                                "a device, FIFO or other special file; not read")));
                        default -> {
                        }
                    }
                    if (content == null || file.kind() != BagFile.Kind.FILE) {
                        return;
                    }
                    if (isTagCandidate(name) && file.declaredSize() <= limits.maxTagFileBytes()) {
                        byte[] bytes = content.readNBytes(limits.maxTagFileBytes() + 1);
                        if (bytes.length > limits.maxTagFileBytes()) {
                            problems.add(new EntryProblem(name, new ReadProblem("E_LIMIT", "larger than "
                                    + limits.maxTagFileBytes() + " bytes; not read as a tag file")));
                            file.setReadError("too large");
                            return;
                        }
                        file.setContent(bytes);
                        Matcher m = MANIFEST.matcher(baseName(name));
                        if (m.matches() && depth(name) <= 2) {
                            ChecksumAlgorithm.fromBagitName(m.group(1)).ifPresent(manifestAlgorithms::add);
                            payloadManifestSeen[0] |= baseName(name).startsWith("manifest-");
                        }
                        return;
                    }
                    if (hashing == Hashing.ALL) {
                        Set<ChecksumAlgorithm> algorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
                        algorithms.addAll(manifestAlgorithms);
                        if (!payloadManifestSeen[0]) {
                            algorithms.addAll(SPECULATIVE);
                        }
                        hash(pipeline, content, algorithms, file, progress);
                    }
                }, progress);
                problems.addAll(source.afterEntries());
            } catch (ArchiveLimitException e) {
                markInterrupted(current[0]);
                problems.add(new EntryProblem(current[0] == null ? "" : current[0].entryName(),
                        new ReadProblem("E_LIMIT", e.getMessage())));
            } catch (IOException e) {
                if (files.isEmpty()) {
                    throw e;
                }
                markInterrupted(current[0]);
                problems.add(new EntryProblem(current[0].entryName(), new ReadProblem("E_ARCHIVE_TRUNCATED",
                        "the " + source.format() + " is damaged or ends early in or after this entry ("
                                + e.getMessage() + "); entries after it were not read")));
            }
            String root = source instanceof DirectorySource ? "" : findRoot(files);
            assignPaths(files, root, problems);
            returned = true;
            return new Scan(files, problems, root, pipeline);
        } finally {
            if (!returned) {
                pipeline.close();
            }
        }
    }

    /** Second pass: hashes the entries (by index) with the algorithms they still lack. */
    public static void hashAgain(BagSource source, Map<BagFile, Set<ChecksumAlgorithm>> needed, AtomicLong progress)
            throws IOException {
        Map<Integer, BagFile> byIndex = new HashMap<>();
        needed.keySet().forEach(f -> byIndex.put(f.index(), f));
        try (DigestPipeline pipeline = new DigestPipeline()) {
            try {
                source.forEach((file, content) -> {
                    BagFile original = byIndex.get(file.index());
                    if (original == null || content == null || !original.entryName().equals(file.entryName())) {
                        return;
                    }
                    if (original.content() != null) {
                        needed.get(original).forEach(original::digest);
                        return;
                    }
                    hash(pipeline, content, needed.get(original), original, progress);
                }, progress);
            } catch (IOException e) {
                // the first pass already reported the damage; entries not hashed again stay without digests
            }
            pipeline.await();
        }
    }

    /** Regions of files on disk are hashed in place on the pipeline's threads; other streams are read here. */
    private static void hash(DigestPipeline pipeline, InputStream content, Set<ChecksumAlgorithm> algorithms, BagFile file,
            AtomicLong progress) throws IOException {
        if (content instanceof RegionInputStream region) {
            pipeline.hashRegion(region, algorithms, file, progress);
        } else {
            file.setBytesRead(pipeline.hash(content, algorithms, file));
        }
    }

    private static void markInterrupted(BagFile file) {
        if (file != null && file.kind() == BagFile.Kind.FILE && file.readError() == null && file.content() == null) {
            file.setReadError("the archive ends or fails inside this entry");
        }
    }

    /** Tag files provkit parses: kept in memory when small. Also matches nested bags' tag files, harmlessly. */
    static boolean isTagCandidate(String name) {
        int depth = depth(name);
        if (depth > 3) {
            return false;
        }
        String base = baseName(name);
        if (TAG_NAMES.contains(base) || MANIFEST.matcher(base).matches()) {
            return true;
        }
        String parent = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
        return parent.equals("signature") || parent.endsWith("/signature");
    }

    private static int depth(String name) {
        int depth = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    private static String baseName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * The bag folder: the archive root when it holds bagit.txt; else the one top folder holding bagit.txt;
     * else the single top folder; else the root.
     */
    static String findRoot(List<BagFile> files) {
        Set<String> tops = new HashSet<>();
        Set<String> withBagit = new HashSet<>();
        boolean rootFile = false;
        for (BagFile file : files) {
            String name = file.entryName();
            if (BagPaths.unsafeReason(name).isPresent()) {
                continue;
            }
            int slash = name.indexOf('/');
            if (slash < 0) {
                if (file.kind() != BagFile.Kind.DIRECTORY) {
                    rootFile = true;
                    if (name.equals("bagit.txt")) {
                        return "";
                    }
                }
                tops.add(name);
            } else {
                String top = name.substring(0, slash);
                tops.add(top);
                if (name.equals(top + "/bagit.txt")) {
                    withBagit.add(top);
                }
            }
        }
        if (withBagit.size() == 1) {
            return withBagit.iterator().next() + "/";
        }
        if (tops.size() == 1 && !rootFile) {
            return tops.iterator().next() + "/";
        }
        return "";
    }

    private static void assignPaths(List<BagFile> files, String root, List<EntryProblem> problems) {
        String folder = root.isEmpty() ? "" : root.substring(0, root.length() - 1);
        for (BagFile file : files) {
            String name = file.entryName();
            if (BagPaths.unsafeReason(name).isPresent()) {
                continue;
            }
            if (root.isEmpty()) {
                file.setPath(name);
            } else if (name.startsWith(root)) {
                file.setPath(name.substring(root.length()));
            } else if (name.equals(folder) && file.kind() == BagFile.Kind.DIRECTORY) {
                continue;
            } else if (name.equals("__MACOSX") || name.startsWith("__MACOSX/")) {
                problems.add(new EntryProblem(name, new ReadProblem("W_SYSTEM_FILE",
                        "macOS archive metadata outside the bag folder; ignored")));
            } else {
                problems.add(new EntryProblem(name, new ReadProblem("E_ARCHIVE_LAYOUT",
                        "lies outside the bag folder '" + root + "'; a bundle holds exactly one top folder")));
            }
        }
    }
}
