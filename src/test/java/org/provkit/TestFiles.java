package org.provkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Small helpers for tests that look inside bundles. */
public final class TestFiles {
    private TestFiles() {
    }

    /** The project's seed article. */
    public static Path seeds() {
        return Path.of("seeds").toAbsolutePath();
    }

    /** Every entry of a tar (name → bytes), in archive order. */
    public static Map<String, byte[]> tarEntries(Path tar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream tarIn = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tarIn.getNextEntry()) != null) {
                entries.put(entry.getName(), tarIn.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Unpacks a tar into {@code dir} (test input only: names are trusted). */
    public static Path untar(Path tar, Path dir) throws IOException {
        Path root = null;
        for (Map.Entry<String, byte[]> entry : tarEntries(tar).entrySet()) {
            Path file = dir.resolve(entry.getKey()).normalize();
            if (!file.startsWith(dir)) {
                throw new IOException("entry leaves the folder: " + entry.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
            if (root == null) {
                root = dir.resolve(entry.getKey().substring(0, entry.getKey().indexOf('/')));
            }
        }
        return root;
    }
}
