package org.provkit.spark;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.provkit.bag.ChecksumAlgorithm;

/**
 * The collection's own manifest, in {@code sha512sum} format so that {@code cd OUTPUT && sha512sum -c
 * collection/manifest-sha512.txt} checks every bundle: one line per bundle file, and one for
 * {@code collection/tagmanifests-sha512.txt}, which lists each bundle's tag-manifest digest under the
 * path it has once unpacked ({@code NAME/tagmanifest-sha512.txt}, checkable with {@code sha512sum -c} in
 * the folder the bundles were unpacked into). A bundle's tag manifest covers all its files, so the one
 * signature over the manifest covers the whole collection.
 */
public final class CollectionManifest {

    public static final String FOLDER = "collection";
    public static final String MANIFEST = "manifest-sha512.txt";
    public static final String TAG_MANIFESTS = "tagmanifests-sha512.txt";

    /** One bundle: its file relative to the output folder, digests as hex. */
    public record Entry(String name, String file, String sha512, String tagManifestSha512) {
    }

    private CollectionManifest() {
    }

    public static byte[] tagManifests(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        sorted(entries).forEach(e -> out.append(e.tagManifestSha512()).append("  ").append(e.name()).append("/tagmanifest-sha512.txt\n"));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] manifest(List<Entry> entries, byte[] tagManifests) {
        StringBuilder out = new StringBuilder();
        sorted(entries).forEach(e -> out.append(e.sha512()).append("  ").append(e.file()).append('\n'));
        out.append(HexFormat.of().formatHex(ChecksumAlgorithm.SHA512.newDigest().digest(tagManifests)))
                .append("  ").append(FOLDER).append('/').append(TAG_MANIFESTS).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Entry> sorted(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::file)).toList();
    }
}
