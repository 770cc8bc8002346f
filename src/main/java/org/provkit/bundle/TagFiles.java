package org.provkit.bundle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.provkit.bag.BagInfo;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bag.ManifestLine;

/**
 * The tag files of a provkit bundle, in the order they are written: bagit.txt, bag-info.txt, both
 * payload manifests (streamed to disk as the payload was packed), then both tag manifests (each
 * listing the four files before them).
 */
final class TagFiles {

    static final String BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    private TagFiles() {
    }

    /** One tag file: its bytes, or (for the payload manifests) the file that holds them. */
    record TagFile(String name, byte[] bytes, Path file, long size) {
        static TagFile of(String name, byte[] bytes) {
            return new TagFile(name, bytes, null, bytes.length);
        }
    }

    /** The tag files in writing order; the payload manifests are {@code manifests}' finished files. */
    static List<TagFile> build(PayloadManifests manifests, BagInfo bagInfo) {
        TagFile bagit = TagFile.of("bagit.txt", BAGIT_TXT.getBytes(StandardCharsets.UTF_8));
        TagFile info = TagFile.of("bag-info.txt", bagInfo.format().getBytes(StandardCharsets.UTF_8));
        List<TagFile> files = new ArrayList<>(List.of(bagit, info));
        for (ChecksumAlgorithm manifest : new ChecksumAlgorithm[] {ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512}) {
            files.add(new TagFile(manifest.manifestName(), null, manifests.file(manifest), manifests.size(manifest)));
        }
        for (ChecksumAlgorithm algorithm : new ChecksumAlgorithm[] {ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512}) {
            Map<String, byte[]> checksums = new TreeMap<>();
            checksums.put(bagit.name(), algorithm.newDigest().digest(bagit.bytes()));
            checksums.put(info.name(), algorithm.newDigest().digest(info.bytes()));
            checksums.put(ChecksumAlgorithm.SHA256.manifestName(), manifests.checksum(ChecksumAlgorithm.SHA256, algorithm));
            checksums.put(ChecksumAlgorithm.SHA512.manifestName(), manifests.checksum(ChecksumAlgorithm.SHA512, algorithm));
            StringBuilder out = new StringBuilder();
            HexFormat hex = HexFormat.of();
            checksums.forEach((name, checksum) -> out.append(new ManifestLine(hex.formatHex(checksum), name).format()));
            files.add(TagFile.of(algorithm.tagManifestName(), out.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return files;
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
