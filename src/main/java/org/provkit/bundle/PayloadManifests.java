package org.provkit.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bag.ManifestLine;

/**
 * The payload manifests (SHA-256 and SHA-512), written to files line by line as each payload file is
 * packed, in packing order, which is the manifests' sorted order. Nothing of a payload file stays in
 * memory once it is packed; each manifest file's own checksums (for the tag manifests) are computed
 * on the way.
 */
final class PayloadManifests implements AutoCloseable {

    private static final ChecksumAlgorithm[] ALGORITHMS = {ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512};

    private final Map<ChecksumAlgorithm, Path> files = new EnumMap<>(ChecksumAlgorithm.class);
    private final Map<ChecksumAlgorithm, OutputStream> outs = new EnumMap<>(ChecksumAlgorithm.class);
    private final Map<ChecksumAlgorithm, Map<ChecksumAlgorithm, MessageDigest>> digests = new EnumMap<>(ChecksumAlgorithm.class);
    private final Map<ChecksumAlgorithm, Long> sizes = new EnumMap<>(ChecksumAlgorithm.class);
    private final Map<ChecksumAlgorithm, Map<ChecksumAlgorithm, byte[]>> finished = new EnumMap<>(ChecksumAlgorithm.class);
    private String last;
    private long count;
    private long bytes;
    private boolean closed;

    PayloadManifests(Path folder) throws IOException {
        for (ChecksumAlgorithm manifest : ALGORITHMS) {
            Path file = folder.resolve(manifest.manifestName());
            files.put(manifest, file);
            outs.put(manifest, new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16));
            Map<ChecksumAlgorithm, MessageDigest> own = new EnumMap<>(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm of : ALGORITHMS) {
                own.put(of, of.newDigest());
            }
            digests.put(manifest, own);
            sizes.put(manifest, 0L);
        }
    }

    /** Lists one payload file; files must come in sorted order of their bag paths, each once. */
    void add(PayloadEntry entry) throws IOException {
        if (last != null && last.compareTo(entry.bagPath()) >= 0) {
            throw new IllegalStateException("payload out of order: " + entry.bagPath() + " after " + last);
        }
        last = entry.bagPath();
        count++;
        bytes += entry.size();
        HexFormat hex = HexFormat.of();
        write(ChecksumAlgorithm.SHA256, new ManifestLine(hex.formatHex(entry.sha256()), entry.bagPath()).format());
        write(ChecksumAlgorithm.SHA512, new ManifestLine(hex.formatHex(entry.sha512()), entry.bagPath()).format());
    }

    private void write(ChecksumAlgorithm manifest, String line) throws IOException {
        byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
        outs.get(manifest).write(encoded);
        for (MessageDigest digest : digests.get(manifest).values()) {
            digest.update(encoded);
        }
        sizes.merge(manifest, (long) encoded.length, Long::sum);
    }

    long files() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    /** The manifest file in {@code algorithm}, complete once {@link #close} has run. */
    Path file(ChecksumAlgorithm algorithm) {
        return files.get(algorithm);
    }

    long size(ChecksumAlgorithm algorithm) {
        return sizes.get(algorithm);
    }

    /** The checksum with {@code of} of the manifest in {@code manifest}; only after {@link #close}. */
    byte[] checksum(ChecksumAlgorithm manifest, ChecksumAlgorithm of) {
        if (!closed) {
            throw new IllegalStateException("manifests not finished");
        }
        return finished.get(manifest).get(of).clone();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            for (OutputStream out : outs.values()) {
                out.close();
            }
            for (ChecksumAlgorithm manifest : ALGORITHMS) {
                Map<ChecksumAlgorithm, byte[]> own = new EnumMap<>(ChecksumAlgorithm.class);
                digests.get(manifest).forEach((of, digest) -> own.put(of, digest.digest()));
                finished.put(manifest, own);
            }
        }
    }
}
