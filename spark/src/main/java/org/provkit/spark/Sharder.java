package org.provkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts a collection into shards of at most {@code maxFiles} files and {@code maxBytes} bytes, on folder
 * boundaries where it can: a folder that fits stays whole; one that does not is cut between its files
 * and sub-folders, and each sub-folder again stays whole if it fits. A page saved with its assets
 * ({@code page.html} beside {@code page_files/}) is one unit. A unit that alone is over the limit is cut
 * at the next level down; a single file over the byte limit is a shard by itself. Web archives (WARC,
 * ARC, WACZ) are a shard each: a file holds thousands of records and is the natural unit of work.
 * The result depends only on the recorded paths and sizes, so a re-run over the same files gives the
 * same shards under the same names.
 */
public final class Sharder {

    /** Folder names browsers give a saved page's assets: {@code NAME.html} + {@code NAME_files/}. */
    private static final List<String> ASSET_FOLDER_SUFFIXES = List.of("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos");
    private static final List<String> WEB_ARCHIVE_SUFFIXES = List.of(".warc", ".warc.gz", ".arc", ".arc.gz", ".wacz");

    private final int maxFiles;
    private final long maxBytes;
    private final String collection;
    private final List<Shard> shards = new ArrayList<>();
    private final List<SourceEntry> current = new ArrayList<>();
    private long currentBytes;

    private Sharder(String collection, int maxFiles, long maxBytes) {
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("shard limits must be positive");
        }
        this.collection = collection;
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    public static List<Shard> cut(String collection, List<SourceEntry> files, int maxFiles, long maxBytes) {
        Sharder sharder = new Sharder(collection, maxFiles, maxBytes);
        Folder root = new Folder();
        files.forEach(root::add);
        sharder.packChildren(root);
        sharder.close();
        return List.copyOf(sharder.shards);
    }

    public static boolean isWebArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return WEB_ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private void packChildren(Folder folder) {
        for (List<Node> unit : units(folder)) {
            List<SourceEntry> files = new ArrayList<>();
            unit.forEach(node -> node.collect(files));
            boolean whole = fits(files.size(), sum(files))
                    && (files.size() == 1 || files.stream().noneMatch(f -> isWebArchive(f.recordedPath())));
            if (whole) {
                addUnit(files);
                continue;
            }
            for (Node node : unit) {
                if (node instanceof Folder sub) {
                    packChildren(sub);
                } else {
                    List<SourceEntry> one = new ArrayList<>();
                    node.collect(one);
                    addUnit(one);
                }
            }
        }
    }

    /** A folder's children in name order, a page grouped with its assets folder (whichever sorts first). */
    private static List<List<Node>> units(Folder folder) {
        Map<String, List<Node>> pages = new TreeMap<>();
        for (Map.Entry<String, Node> child : folder.children.entrySet()) {
            if (child.getValue() instanceof File) {
                pages.putIfAbsent(stem(child.getKey()), new ArrayList<>());
            }
        }
        List<List<Node>> units = new ArrayList<>();
        for (Map.Entry<String, Node> child : folder.children.entrySet()) {
            Node node = child.getValue();
            List<Node> page = node instanceof File ? pages.get(stem(child.getKey())) : pageOf(child.getKey(), pages);
            if (page == null) {
                units.add(new ArrayList<>(List.of(node)));
            } else {
                if (page.isEmpty()) {
                    units.add(page);
                }
                page.add(node);
            }
        }
        return units;
    }

    private static List<Node> pageOf(String folderName, Map<String, List<Node>> pages) {
        for (String suffix : ASSET_FOLDER_SUFFIXES) {
            if (folderName.endsWith(suffix)) {
                List<Node> page = pages.get(folderName.substring(0, folderName.length() - suffix.length()));
                if (page != null) {
                    return page;
                }
            }
        }
        return null;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private boolean fits(int files, long bytes) {
        return files <= maxFiles && bytes <= maxBytes;
    }

    private void addUnit(List<SourceEntry> files) {
        if (files.size() == 1 && isWebArchive(files.get(0).recordedPath())) {
            close();
            current.addAll(files);
            close();
            return;
        }
        long bytes = sum(files);
        if (!current.isEmpty() && !fits(current.size() + files.size(), currentBytes + bytes)) {
            close();
        }
        current.addAll(files);
        currentBytes += bytes;
    }

    private void close() {
        if (!current.isEmpty()) {
            int index = shards.size() + 1;
            current.sort(java.util.Comparator.comparing(SourceEntry::recordedPath));
            shards.add(new Shard(index, Shard.name(collection, index), current));
            current.clear();
            currentBytes = 0;
        }
    }

    private static long sum(List<SourceEntry> files) {
        return files.stream().mapToLong(SourceEntry::size).sum();
    }

    private sealed interface Node permits Folder, File {
        void collect(List<SourceEntry> into);
    }

    private record File(SourceEntry entry) implements Node {
        @Override
        public void collect(List<SourceEntry> into) {
            into.add(entry);
        }
    }

    private static final class Folder implements Node {
        final TreeMap<String, Node> children = new TreeMap<>();

        void add(SourceEntry entry) {
            String[] parts = entry.recordedPath().split("/");
            Folder folder = this;
            for (int i = 0; i < parts.length - 1; i++) {
                Node next = folder.children.computeIfAbsent(parts[i], k -> new Folder());
                if (!(next instanceof Folder sub)) {
                    throw new IllegalArgumentException(entry.recordedPath() + ": a file and a folder share a name");
                }
                folder = sub;
            }
            folder.children.put(parts[parts.length - 1], new File(entry));
        }

        @Override
        public void collect(List<SourceEntry> into) {
            children.values().forEach(child -> child.collect(into));
        }
    }
}
