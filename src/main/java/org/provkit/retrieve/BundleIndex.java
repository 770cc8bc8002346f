package org.provkit.retrieve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.ProvkitException;
import org.provkit.bag.ArchiveLimits;
import org.provkit.bag.BagFile;
import org.provkit.bag.BagSource;
import org.provkit.bag.BagSources;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bag.ManifestEntry;
import org.provkit.bag.ManifestReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a bundle says about itself, read in one pass over it (tar, tar.gz, zip or folder; never unpacked):
 * its document records ({@code data/records/...json}) and the SHA-256 its manifest gives each payload file.
 * Originals and texts are passed over, not read (in a plain tar or a folder they are not even touched).
 */
public final class BundleIndex {

    /** A record larger than this is no provkit record. */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    private static final int MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

    private final Path bundle;
    private final List<ObjectNode> records;
    private final Map<String, String> sha256;

    private BundleIndex(Path bundle, List<ObjectNode> records, Map<String, String> sha256) {
        this.bundle = bundle;
        this.records = records;
        this.sha256 = sha256;
    }

    /**
     * @throws ProvkitException exit 3 when the bundle cannot be read
     */
    public static BundleIndex read(Path bundle) {
        List<ObjectNode> records = new ArrayList<>();
        Map<String, String> sha256 = new LinkedHashMap<>();
        BagSource source = BagSources.open(bundle, ArchiveLimits.defaults());
        boolean folder = source.format().equals("directory");
        try {
            source.forEach((file, content) -> {
                String path = pathInBag(file, folder);
                if (content == null || path == null) {
                    return;
                }
                if (path.startsWith("data/records/") && path.endsWith(".json")) {
                    byte[] bytes = content.readNBytes(MAX_RECORD_BYTES);
                    JsonNode record = Json.mapper().readTree(bytes);
                    if (record instanceof ObjectNode object) {
                        object.put("recordPath", path);
                        records.add(object);
                    }
                } else if (path.equals(ChecksumAlgorithm.SHA256.manifestName())) {
                    String text = new String(content.readNBytes(MAX_MANIFEST_BYTES), StandardCharsets.UTF_8);
                    for (ManifestEntry entry : ManifestReader.read(text, ChecksumAlgorithm.SHA256, true).entries()) {
                        sha256.put(entry.path(), entry.checksum().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }, new AtomicLong());
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, bundle + ": cannot be read to the end (" + e.getMessage() + ")", e);
        }
        records.sort(java.util.Comparator.comparing(r -> r.path("path").asText()));
        return new BundleIndex(bundle, Collections.unmodifiableList(records), Collections.unmodifiableMap(sha256));
    }

    /** An entry's path inside the bag: an archive's one top folder taken off; null for the top folder itself. */
    static String pathInBag(BagFile file, boolean folder) {
        String name = file.entryName();
        if (folder) {
            return name;
        }
        int slash = name.indexOf('/');
        return slash < 0 ? null : name.substring(slash + 1);
    }

    public Path bundle() {
        return bundle;
    }

    /** The document records, by recorded path; each also holds {@code recordPath}, where it lies in the bag. */
    public List<ObjectNode> records() {
        return records;
    }

    /** The SHA-256 (lower-case hex) the payload manifest gives {@code bagPath}, or null when it lists none. */
    public String sha256(String bagPath) {
        return sha256.get(bagPath);
    }

    /** Where a record's original lies in the bag ({@code originalPath}; else provkit's usual place). */
    public static String originalPath(JsonNode record) {
        return record.path("originalPath").isTextual() ? record.path("originalPath").asText()
                : "data/originals/" + record.path("path").asText();
    }

    /** Where a record's extracted text lies in the bag ({@code textPath}; else provkit's usual place). */
    public static String textPath(JsonNode record) {
        return record.path("textPath").isTextual() ? record.path("textPath").asText()
                : "data/text/" + record.path("path").asText() + ".txt";
    }

    /** True when the payload manifest lists {@code bagPath}. */
    public boolean lists(String bagPath) {
        return sha256.containsKey(bagPath);
    }

    /** Every path the payload manifest lists, in its order. */
    public List<String> listed() {
        return List.copyOf(sha256.keySet());
    }
}
