package org.provkit.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.provkit.Json;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.extract.BoundedLines;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * WACZ 1.1.1 packages: the captures of their WARCs ({@code archive/*.warc.gz}) are the members, each named
 * under its WARC ({@code archive/data.warc.gz/000003_...}) and carrying its entry of {@code pages/pages.jsonl}
 * when it is a listed page. Every file's hash in {@code datapackage.json} is checked (a mismatch, a listed file
 * that is absent, a file not listed: warnings), and {@code datapackage-digest.json}'s hash of the package
 * description is checked and its signature noted (not verified: provkit holds no trust anchors for it).
 */
public final class WaczMembers implements ContainerReader {

    static final String DATAPACKAGE = "datapackage.json";
    static final String DIGEST = "datapackage-digest.json";
    static final String PAGES = "pages/pages.jsonl";
    static final String EXTRA_PAGES = "pages/extraPages.jsonl";
    /** A page's entry is a URL, a time stamp, a title and a few fields; a longer line is read past, never held. */
    static final int MAX_PAGE_LINE_BYTES = 1 << 20;

    @Override
    public ContainerSummary read(Path file, Scratch scratch, MemberSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        int[] members = {0};
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            JsonNode datapackage = readJson(zip, DATAPACKAGE, warnings);
            Map<String, String> declared = declaredHashes(datapackage, details, warnings);
            details.put("datapackageDigest", checkDigest(zip, warnings));
            Map<String, List<WaczPage>> pages = pages(zip, warnings);
            details.put("pages", pages.values().stream().mapToInt(List::size).sum());
            Map<String, String> checked = new LinkedHashMap<>();
            List<Map<String, Object>> archives = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String hash;
                if (name.startsWith("archive/") && isWarc(name)) {
                    Path warc = scratch.file(MemberNames.fileName(name));
                    try {
                        MessageDigest sha256 = ChecksumAlgorithm.SHA256.newDigest();
                        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                            scratch.stage(in, warc);
                        }
                        hash = java.util.HexFormat.of().formatHex(sha256.digest());
                        ContainerSummary inner = new WarcMembers().read(warc, scratch, (member, content) -> {
                            members[0]++;
                            sink.accept(annotated(member, name, pages), content);
                        });
                        inner.warnings().forEach(w -> warnings.add(name + ": " + w));
                        Map<String, Object> archive = new LinkedHashMap<>();
                        archive.put("path", name);
                        archive.putAll(inner.details());
                        archives.add(archive);
                    } finally {
                        Files.deleteIfExists(warc);
                    }
                } else {
                    hash = sha256(zip, entry);
                }
                checked.put(name, hash);
            }
            details.put("archives", archives);
            compare(declared, checked, warnings);
        } catch (ContainerLimitException e) {
            warnings.add(e.getMessage());
        } catch (IOException | RuntimeException e) {
            warnings.add("the WACZ could not be read " + (members[0] == 0 ? "" : "to its end ") + "as a zip ("
                    + HttpCapture.describe(e) + ")");
        }
        details.put("members", members[0]);
        return new ContainerSummary(ContainerFormat.WACZ, details, List.copyOf(warnings));
    }

    private static boolean isWarc(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".warc") || lower.endsWith(".warc.gz");
    }

    /** The member renamed under its WARC's path, with its page-list entry when it is a listed page. */
    private static Member annotated(Member member, String warcPath, Map<String, List<WaczPage>> pages) {
        MemberIdentity id = member.identity();
        MemberIdentity renamed = new MemberIdentity(id.kind(), warcPath + "/" + id.name(), warcPath, id.recordId(),
                id.recordType(), id.offset(), id.messageId());
        Capture capture = member.capture();
        if (capture != null && capture.url() != null) {
            WaczPage page = page(pages.get(CaptureIndex.key(capture.url())), capture);
            if (page != null) {
                capture = capture.withPage(page);
            }
        }
        return new Member(renamed, capture, member.mediaType(), member.warnings());
    }

    /** Of the listed pages of a URL, the one whose timestamp is the capture's, else the first. */
    private static WaczPage page(List<WaczPage> candidates, Capture capture) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        if (capture.date() != null) {
            for (WaczPage page : candidates) {
                try {
                    if (page.ts() != null && java.time.Instant.parse(page.ts()).getEpochSecond() == capture.date().getEpochSecond()) {
                        return page;
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    // a timestamp in another form: compared by URL only
                }
            }
        }
        return candidates.get(0);
    }

    private static JsonNode readJson(ZipFile zip, String name, List<String> warnings) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            warnings.add("no " + name + ": not a WACZ, or an incomplete one");
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Json.mapper().readTree(in.readNBytes(64 << 20));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            warnings.add(name + " is not valid JSON (" + e.getOriginalMessage() + ")");
            return null;
        }
    }

    /** {@code path → sha256 hex} from datapackage.json's resources. */
    private static Map<String, String> declaredHashes(JsonNode datapackage, Map<String, Object> details, List<String> warnings) {
        Map<String, String> declared = new LinkedHashMap<>();
        if (datapackage == null) {
            return declared;
        }
        details.put("wacz_version", datapackage.path("wacz_version").asText(null));
        details.put("software", datapackage.path("software").asText(null));
        details.put("created", datapackage.path("created").asText(null));
        for (JsonNode resource : datapackage.path("resources")) {
            String path = resource.path("path").asText(null);
            if (path == null) {
                continue;
            }
            String hash = sha256Of(resource);
            if (hash == null) {
                warnings.add(DATAPACKAGE + " gives " + path + " no sha256 hash: not checked");
                continue;
            }
            declared.put(path, hash);
        }
        return declared;
    }

    /**
     * A resource's sha256 in hex: {@code "hash": "sha256:…"} (WACZ 1.1.1), or {@code "stats": {"hash": …}} with
     * {@code "hashing": "sha256"} (WACZ 1.0); null when there is none.
     */
    private static String sha256Of(JsonNode resource) {
        String hash = resource.path("hash").asText(null);
        if (hash != null && hash.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
            return hash.substring("sha256:".length()).strip().toLowerCase(Locale.ROOT);
        }
        String old = resource.path("stats").path("hash").asText(null);
        if (old != null && "sha256".equalsIgnoreCase(resource.path("hashing").asText(""))) {
            return old.strip().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static void compare(Map<String, String> declared, Map<String, String> checked, List<String> warnings) {
        if (declared.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> entry : declared.entrySet()) {
            String actual = checked.get(entry.getKey());
            if (actual == null) {
                warnings.add(DATAPACKAGE + " lists " + entry.getKey() + ", which is not in the WACZ");
            } else if (!actual.equals(entry.getValue())) {
                warnings.add(entry.getKey() + " does not match its hash in " + DATAPACKAGE + " (sha256 " + entry.getValue()
                        + " listed, " + actual + " found): changed or damaged after packaging");
            }
        }
        for (String path : checked.keySet()) {
            if (!declared.containsKey(path) && !path.equals(DATAPACKAGE) && !path.equals(DIGEST)) {
                warnings.add(path + " is in the WACZ but not listed in " + DATAPACKAGE);
            }
        }
    }

    /** Checks datapackage-digest.json's hash of datapackage.json and says whether it is signed. */
    private static Map<String, Object> checkDigest(ZipFile zip, List<String> warnings) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        ZipArchiveEntry entry = zip.getEntry(DIGEST);
        if (entry == null) {
            result.put("present", false);
            return result;
        }
        result.put("present", true);
        JsonNode digest = readJson(zip, DIGEST, warnings);
        if (digest == null) {
            return result;
        }
        String hash = digest.path("hash").asText("");
        ZipArchiveEntry datapackage = zip.getEntry(DATAPACKAGE);
        if (hash.toLowerCase(Locale.ROOT).startsWith("sha256:") && datapackage != null) {
            boolean ok = sha256(zip, datapackage).equals(hash.substring(7).strip().toLowerCase(Locale.ROOT));
            result.put("hash", ok ? "ok" : "mismatch");
            if (!ok) {
                warnings.add(DIGEST + " does not match " + DATAPACKAGE + ": the package description was changed after it was signed");
            }
        } else {
            result.put("hash", "unchecked");
        }
        JsonNode signed = digest.path("signedData");
        result.put("signed", signed.isObject());
        if (signed.isObject()) {
            for (String field : List.of("domain", "publicKey", "software", "created")) {
                if (signed.path(field).isTextual()) {
                    result.put(field, signed.path(field).asText());
                }
            }
        }
        return result;
    }

    /** {@code url key → pages} from pages.jsonl and extraPages.jsonl (their first line is a header). */
    private static Map<String, List<WaczPage>> pages(ZipFile zip, List<String> warnings) throws IOException {
        Map<String, List<WaczPage>> pages = new HashMap<>();
        for (String name : List.of(PAGES, EXTRA_PAGES)) {
            ZipArchiveEntry entry = zip.getEntry(name);
            if (entry == null) {
                if (name.equals(PAGES)) {
                    warnings.add("no " + PAGES + ": the WACZ lists no pages");
                }
                continue;
            }
            try (BoundedLines lines = new BoundedLines(zip.getInputStream(entry), MAX_PAGE_LINE_BYTES)) {
                String line;
                int number = 0;
                while ((line = lines.next()) != null) {
                    number++;
                    if (BoundedLines.TOO_LONG.equals(line)) {
                        warnings.add(name + " line " + number + " is longer than " + (MAX_PAGE_LINE_BYTES >> 10) + " KB: not read");
                        continue;
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode page;
                    try {
                        page = Json.mapper().readTree(line);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        warnings.add(name + " line " + number + " is not JSON");
                        continue;
                    }
                    String url = page.path("url").asText(null);
                    if (url != null) {
                        pages.computeIfAbsent(CaptureIndex.key(url), k -> new ArrayList<>()).add(new WaczPage(
                                page.path("id").asText(null), page.path("title").asText(null), page.path("ts").asText(null)));
                    }
                }
            }
        }
        return pages;
    }

    private static String sha256(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        MessageDigest sha256 = ChecksumAlgorithm.SHA256.newDigest();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(sha256.digest());
    }
}
