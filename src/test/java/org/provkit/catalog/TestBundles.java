package org.provkit.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.provkit.Json;
import org.provkit.verify.Finding;
import org.provkit.verify.Severity;
import org.provkit.verify.VerificationReport;

/**
 * Builds small provkit-shaped bundles for tests (the layout of DESIGN.md, without a signature), and a
 * simple but real verifier seam: it recomputes every payload SHA-256 against {@code manifest-sha256.txt}.
 */
public final class TestBundles {

    private TestBundles() {
    }

    /** One source document of a test bundle. */
    public record Doc(String path, String text, ObjectNode record) {
    }

    /** A document whose record has the given chain ([party, role] pairs) and missing-asset markers. */
    public static Doc doc(String path, String title, String language, String text, List<String[]> chain,
            List<String> missingMarkers) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("path", path);
        record.put("originalPath", "data/originals/" + path);
        record.put("textPath", "data/text/" + path + ".txt");
        record.put("mediaType", "text/plain");
        record.put("bytes", text.getBytes(StandardCharsets.UTF_8).length);
        record.put("sha256", sha256(text.getBytes(StandardCharsets.UTF_8)));
        record.put("language", language);
        record.put("title", title);
        ArrayNode urls = record.putArray("urls");
        urls.addObject().put("url", "https://www.example.org/" + path).put("role", "canonical").put("domain", "example.org");
        ArrayNode hops = record.putObject("attribution").putArray("chain");
        int line = 1;
        for (String[] hop : chain) {
            ObjectNode node = hops.addObject().put("party", hop[0]).put("role", hop[1]);
            if (hop.length > 2) {
                node.put("registered", Boolean.parseBoolean(hop[2]));
            }
            node.putArray("evidence").addObject().put("text", "(" + hop[0] + ")").put("line", line++);
        }
        record.putArray("credits");
        ArrayNode missing = record.putArray("missingAssets");
        for (String marker : missingMarkers) {
            missing.addObject().put("kind", "image").put("marker", marker).put("line", 3);
        }
        record.putArray("warnings");
        record.putObject("extraction").put("status", "ok").putArray("warnings");
        return new Doc(path, text, record);
    }

    /** The files of a bag (path inside NAME/ → bytes), in the entry order of DESIGN.md. */
    public static Map<String, byte[]> bagFiles(List<Doc> docs) {
        Map<String, byte[]> data = new TreeMap<>();
        for (Doc doc : docs) {
            byte[] text = doc.text().getBytes(StandardCharsets.UTF_8);
            data.put("data/originals/" + doc.path(), text);
            data.put("data/text/" + doc.path() + ".txt", text);
            data.put("data/records/" + doc.path() + ".json", json(doc.record()));
        }
        data.put("data/provenance.json", "{}\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder manifest = new StringBuilder();
        long bytes = 0;
        for (Map.Entry<String, byte[]> entry : data.entrySet()) {
            manifest.append(sha256(entry.getValue())).append("  ").append(entry.getKey()).append('\n');
            bytes += entry.getValue().length;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
        files.put("bag-info.txt", ("Bagging-Date: 2026-11-28\nPayload-Oxum: " + bytes + "." + data.size()
                + "\nSource-Organization: Test Archive\n").getBytes(StandardCharsets.UTF_8));
        files.put("manifest-sha256.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder tagmanifest = new StringBuilder();
        for (String tag : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt")) {
            tagmanifest.append(sha256(files.get(tag))).append("  ").append(tag).append('\n');
        }
        files.put("tagmanifest-sha256.txt", tagmanifest.toString().getBytes(StandardCharsets.UTF_8));
        files.putAll(data);
        return files;
    }

    public static Path writeTar(Path folder, String name, List<Doc> docs) throws IOException {
        Path file = folder.resolve(name + ".tar");
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTarTo(out, name, bagFiles(docs));
        }
        return file;
    }

    public static Path writeTarGz(Path folder, String name, List<Doc> docs) throws IOException {
        Path file = folder.resolve(name + ".tar.gz");
        try (OutputStream out = Files.newOutputStream(file); OutputStream gzip = new GzipCompressorOutputStream(out)) {
            writeTarTo(gzip, name, bagFiles(docs));
        }
        return file;
    }

    private static void writeTarTo(OutputStream out, String name, Map<String, byte[]> files) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/" + file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
    }

    public static Path writeZip(Path folder, String name, List<Doc> docs) throws IOException {
        Path file = folder.resolve(name + ".zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : bagFiles(docs).entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(name + "/" + entry.getKey()));
                zip.write(entry.getValue());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    public static Path writeDirectory(Path folder, String name, List<Doc> docs) throws IOException {
        Path root = folder.resolve(name);
        for (Map.Entry<String, byte[]> entry : bagFiles(docs).entrySet()) {
            Path file = root.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return root;
    }

    /** Flips one byte of a file, far from its start, keeping the size. */
    public static void flipByteNear(Path file, String needle) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, needle.getBytes(StandardCharsets.UTF_8));
        if (at < 0) {
            throw new IllegalArgumentException(needle + " not in " + file);
        }
        bytes[at] ^= 0x01;
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The verifier seam for tests: every payload file's SHA-256 against the payload manifest. */
    public static VerificationReport manifestCheck(Path bundle) {
        try {
            Map<String, byte[]> files = readAll(bundle);
            List<Finding> findings = new ArrayList<>();
            byte[] manifest = files.get("manifest-sha256.txt");
            Map<String, String> expected = new TreeMap<>();
            if (manifest == null) {
                findings.add(new Finding("E_NO_MANIFEST", Severity.ERROR, "manifest-sha256.txt", "no payload manifest"));
            } else {
                for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        String[] parts = line.split("\\s+", 2);
                        expected.put(parts[1], parts[0]);
                    }
                }
            }
            long bytes = 0;
            long count = 0;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!file.getKey().startsWith("data/")) {
                    continue;
                }
                bytes += file.getValue().length;
                count++;
                String want = expected.remove(file.getKey());
                if (want == null) {
                    findings.add(new Finding("E_EXTRA_FILE", Severity.ERROR, file.getKey(), "not in the manifest"));
                } else if (!want.equalsIgnoreCase(sha256(file.getValue()))) {
                    findings.add(new Finding("E_CHECKSUM", Severity.ERROR, file.getKey(), "sha256 differs from the manifest"));
                }
            }
            expected.keySet().forEach(missing -> findings.add(new Finding("E_MISSING_FILE", Severity.ERROR, missing, "listed but absent")));
            return new VerificationReport(bundle.toString(), findings.isEmpty(), true, false, null, null, null,
                    List.copyOf(findings), bytes, count);
        } catch (IOException e) {
            throw new org.provkit.ProvkitException(3, "cannot read " + bundle + ": " + e.getMessage(), e);
        }
    }

    /** Every file of a test bundle, by its path inside the bag. */
    static Map<String, byte[]> readAll(Path bundle) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(bundle)) {
            try (Stream<Path> walk = Files.walk(bundle)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(bundle.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return files;
        }
        String name = bundle.getFileName().toString();
        try (InputStream raw = Files.newInputStream(bundle);
                ArchiveInputStream<? extends ArchiveEntry> archive = name.endsWith(".zip") ? new ZipArchiveInputStream(raw)
                        : new TarArchiveInputStream(name.endsWith(".gz") ? new GzipCompressorInputStream(raw) : raw)) {
            ArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    archive.transferTo(bytes);
                    String path = entry.getName();
                    files.put(path.substring(path.indexOf('/') + 1), bytes.toByteArray());
                }
            }
        }
        return files;
    }

    static byte[] json(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
