package org.provkit.extract;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks Tika cannot make: it parses a broken PDF "successfully" with no text, and calls random bytes
 * named {@code .pdf} simply {@code application/octet-stream}.
 */
final class ContentSanity {

    /** Extensions whose files must be detected as one of these media types. */
    private static final Map<String, List<String>> EXPECTED_TYPES = Map.ofEntries(
            Map.entry("pdf", List.of("application/pdf")),
            Map.entry("html", List.of("text/html", "application/xhtml+xml")),
            Map.entry("htm", List.of("text/html", "application/xhtml+xml")),
            Map.entry("docx", List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Map.entry("xlsx", List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            Map.entry("pptx", List.of("application/vnd.openxmlformats-officedocument.presentationml.presentation")),
            Map.entry("odt", List.of("application/vnd.oasis.opendocument.text")),
            Map.entry("doc", List.of("application/msword", "application/x-tika-msoffice")),
            Map.entry("zip", List.of("application/zip")),
            Map.entry("jpg", List.of("image/jpeg")),
            Map.entry("jpeg", List.of("image/jpeg")),
            Map.entry("png", List.of("image/png")),
            Map.entry("gif", List.of("image/gif")),
            Map.entry("eml", List.of("message/rfc822")),
            Map.entry("epub", List.of("application/epub+zip")),
            Map.entry("rtf", List.of("application/rtf")));

    /** Media types that are expected to give text; an empty text from one of them is suspicious. */
    private static final List<String> TEXTUAL_PREFIXES = List.of("text/", "application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument", "application/vnd.oasis.opendocument", "application/rtf",
            "message/rfc822", "application/xhtml+xml", "application/epub+zip");

    private ContentSanity() {
    }

    static List<String> check(Path file, String mediaType, long bytes, long textChars,
            Extraction.Status status) {
        List<String> warnings = new ArrayList<>();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        List<String> expected = EXPECTED_TYPES.get(extension);
        if (expected != null && !expected.contains(mediaType)) {
            warnings.add("named ." + extension + " but its content is " + mediaType + ": damaged or misnamed");
        }
        byte[] head = head(file, 1024);
        if ("application/pdf".equals(mediaType) && !new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            warnings.add("named ." + extension + " but has no PDF header: not a PDF, or damaged");
        } else if ("application/pdf".equals(mediaType) && !pdfHasEnd(file, bytes)) {
            warnings.add("PDF has no %%EOF marker near its end: truncated or damaged");
        }
        if ("application/zip".equals(mediaType) || "zip".equals(extension)) {
            zipBombWarning(file, bytes).ifPresent(warnings::add);
        }
        if (status == Extraction.Status.OK && textChars == 0 && bytes > 0
                && TEXTUAL_PREFIXES.stream().anyMatch(mediaType::startsWith)) {
            warnings.add("no text could be extracted from this " + mediaType + " file");
        }
        return warnings;
    }

    /** Compares what a ZIP's central directory says its members expand to with its own size. */
    private static java.util.Optional<String> zipBombWarning(Path file, long bytes) {
        long expanded = 0;
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setPath(file).get()) {
            var entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                long size = entries.nextElement().getSize();
                if (size > 0) {
                    expanded += size;
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.of("ZIP archive could not be read: damaged or not a ZIP");
        }
        long ratio = expanded / Math.max(1, bytes);
        if (expanded > 100L * 1024 * 1024 && ratio > 100) {
            return java.util.Optional.of("ZIP archive expands to " + (expanded >> 20) + " MiB (" + ratio
                    + " times its size): a zip bomb? Its members were extracted only within limits");
        }
        return java.util.Optional.empty();
    }

    private static byte[] head(Path file, int max) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean pdfHasEnd(Path file, long bytes) {
        int tail = (int) Math.min(bytes, 2048);
        byte[] buffer = new byte[tail];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(bytes - tail);
            raf.readFully(buffer);
        } catch (IOException e) {
            return false;
        }
        return new String(buffer, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }
}
