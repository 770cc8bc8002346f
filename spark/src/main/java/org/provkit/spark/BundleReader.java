package org.provkit.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.provkit.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what the jobs need from a provkit bundle ({@code .tar} or {@code .tar.gz}) as a stream: its tag
 * manifest, the names and sizes of its originals, and the documents' records. A {@code .tar} on a file
 * system that seeks (local, HDFS) is read by its headers: the payload in between is skipped, not read.
 */
public final class BundleReader {

    private static final String ORIGINALS = "data/originals/";
    private static final String RECORDS = "data/records/";

    /** {@code originals}: recorded path → size; {@code records} in archive order (sorted by path). */
    public record Contents(String name, byte[] tagManifestSha512, Map<String, Long> originals, List<JsonNode> records) {
    }

    private BundleReader() {
    }

    public static boolean isGzip(String fileName) {
        return fileName.endsWith(".tar.gz") || fileName.endsWith(".tgz");
    }

    public static Contents read(InputStream raw, boolean gzip, boolean withRecords) throws IOException {
        InputStream in = gzip ? new GzipCompressorInputStream(new BufferedInputStream(raw, 1 << 16)) : raw;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            String name = null;
            byte[] tagManifest = null;
            Map<String, Long> originals = new TreeMap<>();
            List<JsonNode> records = new ArrayList<>();
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = entry.getName();
                int slash = path.indexOf('/');
                if (slash < 0 || entry.isDirectory()) {
                    continue;
                }
                name = path.substring(0, slash);
                String inBag = path.substring(slash + 1);
                if (inBag.startsWith(ORIGINALS)) {
                    originals.put(inBag.substring(ORIGINALS.length()), entry.getSize());
                } else if (withRecords && inBag.startsWith(RECORDS) && inBag.endsWith(".json")) {
                    records.add(Json.mapper().readTree(tar.readAllBytes()));
                } else if (inBag.equals("tagmanifest-sha512.txt")) {
                    tagManifest = tar.readAllBytes();
                }
            }
            if (tagManifest == null) {
                throw new IOException("not a provkit bundle: no tagmanifest-sha512.txt");
            }
            return new Contents(name, tagManifest, originals, records);
        }
    }
}
