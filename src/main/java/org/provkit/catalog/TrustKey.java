package org.provkit.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.provkit.ProvkitException;

/**
 * Names a set of trust anchors by content, so that a bundle verified against other anchors (or none)
 * is verified again: "" without anchors, else {@code sha256:} of every certificate file's name and bytes.
 */
public final class TrustKey {

    private TrustKey() {
    }

    public static String of(Path trust) {
        if (trust == null) {
            return "";
        }
        try {
            List<Path> files;
            if (Files.isDirectory(trust)) {
                try (Stream<Path> walk = Files.walk(trust)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(trust);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                Path name = Files.isDirectory(trust) ? trust.relativize(file) : file.getFileName();
                digest.update(name.toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw ProvkitException.unreadable("cannot read the trust anchors " + trust + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
