package org.provkit.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Tells a container from a document by its first bytes and its name, before any parser sees it. A zip is a
 * container unless it is a document packaged as a zip (OOXML, ODF, EPUB, a Java archive); a gzip file is one
 * when it holds a WARC, an ARC or a tar; a file named {@code .warc}, {@code .arc} or {@code .wacz} is read as
 * one whatever it holds, so that a file named so that is not one says so.
 */
public final class ContainerDetector {

    private static final Set<String> ZIP_DOCUMENTS = Set.of("docx", "docm", "dotx", "dotm", "xlsx", "xlsm", "xltx", "pptx",
            "pptm", "potx", "ppsx", "odt", "ods", "odp", "odg", "odf", "ott", "ots", "otp", "epub", "jar", "war", "ear", "apk",
            "xpi", "kmz", "pages", "numbers", "key", "vsdx", "xps", "oxps", "3mf", "idml", "sxw", "sxc", "sxi");
    private static final byte[] SEVEN_Z = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};

    private ContainerDetector() {
    }

    public static Optional<ContainerFormat> detect(Path file, String name) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        byte[] inner = gzip ? gunzipHead(file) : head;
        if (startsWith(inner, "WARC/") || lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
            return Optional.of(ContainerFormat.WARC);
        }
        if (startsWith(inner, "filedesc://") || lower.endsWith(".arc") || lower.endsWith(".arc.gz")) {
            return Optional.of(ContainerFormat.WARC); // jwarc reads ARC files with the same reader
        }
        if (lower.endsWith(".wacz")) {
            return Optional.of(ContainerFormat.WACZ);
        }
        if (isTar(inner)) {
            return Optional.of(ContainerFormat.TAR);
        }
        if (startsWith(head, SEVEN_Z)) {
            return Optional.of(ContainerFormat.SEVEN_Z);
        }
        if (startsWith(head, "PK\u0003\u0004") || startsWith(head, "PK\u0005\u0006")) {
            return zip(file, lower);
        }
        if ((lower.endsWith(".mbox") || lower.endsWith(".mbx")) && startsWith(head, "From ")) {
            return Optional.of(ContainerFormat.MBOX);
        }
        return Optional.empty();
    }

    private static Optional<ContainerFormat> zip(Path file, String lower) {
        int dot = lower.lastIndexOf('.');
        if (dot >= 0 && ZIP_DOCUMENTS.contains(lower.substring(dot + 1))) {
            return Optional.empty();
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            if (zip.getEntry("[Content_Types].xml") != null || zip.getEntry("mimetype") != null
                    || zip.getEntry("META-INF/MANIFEST.MF") != null || zip.getEntry("AndroidManifest.xml") != null) {
                return Optional.empty();
            }
            if (zip.getEntry("datapackage.json") != null && zip.getEntry("pages/pages.jsonl") != null) {
                return Optional.of(ContainerFormat.WACZ);
            }
        } catch (IOException | RuntimeException e) {
            // a zip whose directory cannot be read: its reader says what is wrong
        }
        return Optional.of(ContainerFormat.ZIP);
    }

    private static boolean isTar(byte[] head) {
        return head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    private static byte[] gunzipHead(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1024)) {
            return in.readNBytes(512);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return startsWith(bytes, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
