package org.provkit.catalog;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the records, extracted texts and tag files of a bundle straight from its serialization
 * (tar, tar.gz, zip or folder), never unpacking anything to disk. Originals are skipped (seeked past
 * in a tar or zip). Records and texts are paired by the record's {@code textPath}, whatever the entry
 * order.
 */
public final class BundleContentReader {

    /** Extracted text beyond this many bytes is not indexed (the bundle keeps all of it). */
    public static final int MAX_TEXT_BYTES = 8 * 1024 * 1024;
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    static final int MAX_TAG_FILE_BYTES = 1024 * 1024;
    /** Texts of one bundle held in memory beyond this are read again by the writer (bounded memory). */
    static final long TEXT_BUDGET_BYTES = 64L * 1024 * 1024;
    /** Records of one bundle beyond this many bytes are not indexed (no real bundle comes near it). */
    static final long RECORD_BUDGET_BYTES = 512L * 1024 * 1024;

    /** Receives texts on the second pass. */
    @FunctionalInterface
    public interface TextConsumer {
        void accept(String textPath, String text, boolean truncated) throws java.sql.SQLException;
    }

    private final BundleFile bundle;
    private String rootPrefix;
    private String bagInfo;
    private String tagmanifestSha256;
    private boolean hasProvenance;
    private final Map<String, DocumentRecord> recordsByTextPath = new LinkedHashMap<>();
    private final List<DocumentRecord> recordsWithoutText = new ArrayList<>();
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final java.util.Set<String> deferred = new java.util.LinkedHashSet<>();
    private long heldTextBytes;
    private long heldRecordBytes;
    private int recordsSkipped;
    private long textBudget = TEXT_BUDGET_BYTES;
    private java.util.Set<String> secondPassPaths;
    private TextConsumer secondPass;

    private record Text(String text, boolean truncated) {
    }

    private BundleContentReader(BundleFile bundle) {
        this.bundle = bundle;
    }

    public static BundleContents read(BundleFile bundle) {
        return read(bundle, TEXT_BUDGET_BYTES);
    }

    static BundleContents read(BundleFile bundle, long textBudget) {
        BundleContentReader reader = new BundleContentReader(bundle);
        reader.textBudget = textBudget;
        try {
            reader.readEntries();
        } catch (IOException | RuntimeException e) {
            reader.problems.add("cannot read " + bundle.relativePath() + " to the end: " + describe(e));
        }
        return reader.contents();
    }

    /** The second pass: streams the texts at {@code textPaths} (inside the bag) to {@code consumer}. */
    public static void readTexts(BundleFile bundle, java.util.Set<String> textPaths, TextConsumer consumer) throws IOException {
        BundleContentReader reader = new BundleContentReader(bundle);
        reader.secondPassPaths = textPaths;
        reader.secondPass = consumer;
        reader.readEntries();
    }

    private void readEntries() throws IOException {
        {
            switch (bundle.format()) {
                case TAR -> readTar();
                case TAR_GZ -> readTarGz();
                case ZIP -> readZip();
                case DIRECTORY -> readDirectory();
                default -> throw new IllegalStateException(bundle.format().name());
            }
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void readTar() throws IOException {
        try (TarFile tar = new TarFile(bundle.file())) {
            for (TarArchiveEntry entry : tar.getEntries()) {
                if (entry.isFile()) {
                    String name = nameInBag(entry.getName());
                    if (name != null && wanted(name)) {
                        try (InputStream in = tar.getInputStream(entry)) {
                            accept(name, in);
                        }
                    }
                }
            }
        }
    }

    private void readTarGz() throws IOException {
        try (InputStream file = Files.newInputStream(bundle.file());
                InputStream gzip = GzipCompressorInputStream.builder().setInputStream(new BufferedInputStream(file, 1 << 16))
                        .setDecompressConcatenated(true).get();
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                acceptStreamed(entry, tar);
            }
        }
    }

    private void acceptStreamed(ArchiveEntry entry, InputStream in) throws IOException {
        if (!entry.isDirectory() && (!(entry instanceof TarArchiveEntry tarEntry) || tarEntry.isFile())) {
            String name = nameInBag(entry.getName());
            if (name != null && wanted(name)) {
                accept(name, in);
            }
        }
    }

    private void readZip() throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(bundle.file()).get()) {
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (!entry.isDirectory() && !entry.isUnixSymlink()) {
                    String name = nameInBag(entry.getName());
                    if (name != null && wanted(name)) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            accept(name, in);
                        }
                    }
                }
            }
        }
    }

    private void readDirectory() throws IOException {
        Path root = bundle.file();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            if (wanted(name)) {
                try (InputStream in = Files.newInputStream(file)) {
                    accept(name, in);
                }
            }
        }
    }

    /** The entry's path inside the bag: without the archive's one top folder; null outside that folder. */
    private String nameInBag(String entryName) {
        String name = entryName.startsWith("./") ? entryName.substring(2) : entryName;
        int slash = name.indexOf('/');
        String prefix = slash < 0 ? "" : name.substring(0, slash + 1);
        if (rootPrefix == null) {
            rootPrefix = prefix;
        }
        return name.startsWith(rootPrefix) ? name.substring(rootPrefix.length()) : null;
    }

    private boolean wanted(String name) {
        if (secondPassPaths != null) {
            return secondPassPaths.contains(name);
        }
        return name.equals("bag-info.txt") || name.equals("tagmanifest-sha256.txt") || name.equals("data/provenance.json")
                || (name.startsWith("data/records/") && name.endsWith(".json"))
                || name.startsWith("data/text/");
    }

    private void accept(String name, InputStream in) throws IOException {
        if (secondPass != null) {
            Text text = readText(in);
            try {
                secondPass.accept(name, text.text(), text.truncated());
            } catch (java.sql.SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        } else if (name.equals("bag-info.txt")) {
            bagInfo = new String(readAtMost(in, MAX_TAG_FILE_BYTES), StandardCharsets.UTF_8);
        } else if (name.equals("tagmanifest-sha256.txt")) {
            tagmanifestSha256 = sha256(in);
        } else if (name.equals("data/provenance.json")) {
            hasProvenance = true;
        } else if (name.startsWith("data/records/")) {
            acceptRecord(name, in);
        } else if (heldTextBytes >= textBudget) {
            deferred.add(name);
        } else {
            Text text = readText(in);
            heldTextBytes += text.text().length();
            texts.put(name, text);
        }
    }

    private static Text readText(InputStream in) throws IOException {
        byte[] bytes = readAtMost(in, MAX_TEXT_BYTES + 1);
        boolean truncated = bytes.length > MAX_TEXT_BYTES;
        return new Text(new String(bytes, 0, Math.min(bytes.length, MAX_TEXT_BYTES), StandardCharsets.UTF_8), truncated);
    }

    private void acceptRecord(String name, InputStream in) throws IOException {
        if (heldRecordBytes > RECORD_BUDGET_BYTES) {
            if (recordsSkipped++ == 0) {
                problems.add(name + " and later records are not indexed: the bundle's records exceed "
                        + RECORD_BUDGET_BYTES + " bytes");
            }
            return;
        }
        byte[] bytes = readAtMost(in, MAX_RECORD_BYTES + 1);
        if (bytes.length > MAX_RECORD_BYTES) {
            problems.add(name + " is larger than " + MAX_RECORD_BYTES + " bytes: not indexed");
            return;
        }
        heldRecordBytes += bytes.length;
        try {
            DocumentRecord record = RecordParser.parse(name, bytes);
            if (record.textPath() != null) {
                recordsByTextPath.put(record.textPath(), record);
            } else {
                recordsWithoutText.add(record);
            }
        } catch (IOException e) {
            problems.add(name + " is not a readable record: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private BundleContents contents() {
        List<BundleContents.Document> documents = new ArrayList<>();
        for (Map.Entry<String, DocumentRecord> entry : recordsByTextPath.entrySet()) {
            Text text = texts.remove(entry.getKey());
            boolean later = deferred.remove(entry.getKey());
            documents.add(new BundleContents.Document(entry.getValue(), text == null ? null : text.text(),
                    text != null && text.truncated(), later));
        }
        for (DocumentRecord record : recordsWithoutText) {
            documents.add(new BundleContents.Document(record, null, false, false));
        }
        for (Map.Entry<String, Text> orphan : texts.entrySet()) {
            if (!orphan.getKey().endsWith(".txt")) {
                continue;
            }
            documents.add(new BundleContents.Document(textOnlyRecord(orphan.getKey()), orphan.getValue().text(),
                    orphan.getValue().truncated(), false));
        }
        for (String orphan : deferred) {
            if (orphan.endsWith(".txt")) {
                documents.add(new BundleContents.Document(textOnlyRecord(orphan), null, false, true));
            }
        }
        documents.sort(java.util.Comparator.comparing(d -> d.record().path()));
        String bagName = rootPrefix == null || rootPrefix.isEmpty()
                ? bundle.format().bagNameOf(bundle.file())
                : rootPrefix.substring(0, rootPrefix.length() - 1);
        return new BundleContents(bagName, bagInfo, tagmanifestSha256, hasProvenance, List.copyOf(documents),
                List.copyOf(problems));
    }

    /** A text without a record (a bag made by another tool): still searchable, under its own path. */
    private static DocumentRecord textOnlyRecord(String textPath) {
        String path = textPath.substring("data/text/".length());
        if (path.endsWith(".txt")) {
            path = path.substring(0, path.length() - 4);
        }
        return new DocumentRecord(null, path, null, textPath, null, null, null, null, null, null, List.of(), List.of(),
                List.of(), List.of(), List.of(), null, List.of(), "{}");
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
