package org.provkit.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.provkit.bag.BagInfo;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bag.ManifestLine;

/**
 * The tag files of a provkit bundle, in the order they are written: bagit.txt, bag-info.txt, both
 * payload manifests, then both tag manifests (each listing the four files before them).
 */
final class TagFiles {

    static final String BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    private TagFiles() {
    }

    static Map<String, byte[]> build(List<PayloadEntry> payload, BagInfo bagInfo) {
        List<PayloadEntry> sorted = new ArrayList<>(payload);
        sorted.sort(java.util.Comparator.comparing(PayloadEntry::bagPath));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bagit.txt", BAGIT_TXT.getBytes(StandardCharsets.UTF_8));
        files.put("bag-info.txt", bagInfo.format().getBytes(StandardCharsets.UTF_8));
        files.put(ChecksumAlgorithm.SHA256.manifestName(), manifest(sorted, PayloadEntry::sha256));
        files.put(ChecksumAlgorithm.SHA512.manifestName(), manifest(sorted, PayloadEntry::sha512));
        Map<String, byte[]> listed = new LinkedHashMap<>(files);
        files.put(ChecksumAlgorithm.SHA256.tagManifestName(), tagManifest(listed, ChecksumAlgorithm.SHA256));
        files.put(ChecksumAlgorithm.SHA512.tagManifestName(), tagManifest(listed, ChecksumAlgorithm.SHA512));
        return files;
    }

    static byte[] manifest(List<PayloadEntry> sorted, Function<PayloadEntry, String> checksum) {
        StringBuilder out = new StringBuilder(sorted.size() * 120);
        for (PayloadEntry entry : sorted) {
            out.append(new ManifestLine(checksum.apply(entry), entry.bagPath()).format());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tagManifest(Map<String, byte[]> files, ChecksumAlgorithm algorithm) {
        StringBuilder out = new StringBuilder();
        HexFormat hex = HexFormat.of();
        files.keySet().stream().sorted().forEach(name -> out.append(
                new ManifestLine(hex.formatHex(algorithm.newDigest().digest(files.get(name))), name).format()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Bag-Size as people read it: {@code 3.2 KB}, {@code 558 MB} (powers of 1000). */
    static String humanSize(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        if (unit == 0) {
            return bytes + " bytes";
        }
        return (value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }
}
