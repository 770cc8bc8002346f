package org.provkit.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The relationships of an OOXML package (docx, pptx, xlsx): media that is only linked (TargetMode="External")
 * and internal targets whose part is absent are missing assets; external hyperlinks are URLs. Reads the zip's
 * central directory and only the {@code .rels} parts, each bounded in size.
 */
final class OoxmlRelationships {

    static final int MAX_ENTRIES = 50_000;
    static final int MAX_RELS_BYTES = 4 << 20;
    static final int MAX_RELS_PARTS = 2_000;

    private OoxmlRelationships() {
    }

    /** One relationship of interest. */
    record Relationship(String relsPart, String id, String type, String target, boolean external, boolean partPresent) {

        /** The kind of asset the relationship type names, or null for types that are no asset. */
        String assetKind() {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.endsWith("/image")) {
                return "image";
            }
            if (t.endsWith("/video") || t.endsWith("/media") && Rx.of("(?i).*\\.(mp4|mov|avi|wmv|m4v|webm)$").matcher(target).matches()) {
                return "video";
            }
            if (t.endsWith("/audio") || t.endsWith("/media")) {
                return "audio";
            }
            if (t.endsWith("/oleobject") || t.endsWith("/package") || t.endsWith("/chart")
                    || t.endsWith("/diagramdata")) {
                return "embedded-object";
            }
            return null;
        }

        boolean hyperlink() {
            return type.toLowerCase(Locale.ROOT).endsWith("/hyperlink");
        }
    }

    static boolean isOoxml(String mediaType, String name) {
        String mt = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return mt.startsWith("application/vnd.openxmlformats-officedocument.")
                || mt.startsWith("application/vnd.ms-word.") || mt.startsWith("application/vnd.ms-excel.sheet.macro")
                || mt.startsWith("application/vnd.ms-powerpoint.presentation.macro")
                || Rx.of(".*\\.(docx|docm|dotx|xlsx|xlsm|pptx|pptm|ppsx)$").matcher(n).matches();
    }

    /** The relationships, or an empty list with a warning added when the package cannot be read. */
    static List<Relationship> read(Path file, List<String> warnings) {
        List<Relationship> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > MAX_ENTRIES) {
                warnings.add("OOXML package has " + zip.size() + " parts; relationships not checked");
                return out;
            }
            Set<String> parts = new HashSet<>();
            List<ZipEntry> rels = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                parts.add(e.getName());
                if (!e.isDirectory() && e.getName().endsWith(".rels") && e.getName().contains("_rels/")) {
                    rels.add(e);
                }
            }
            rels.sort((a, b) -> a.getName().compareTo(b.getName()));
            if (rels.size() > MAX_RELS_PARTS) {
                warnings.add("OOXML package has " + rels.size() + " relationship parts; only the first " + MAX_RELS_PARTS + " checked");
                rels = rels.subList(0, MAX_RELS_PARTS);
            }
            for (ZipEntry e : rels) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readNBytes(MAX_RELS_BYTES);
                }
                Document xml = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
                String base = sourceFolder(e.getName());
                for (Element r : xml.getElementsByTag("Relationship")) {
                    String target = r.attr("Target");
                    boolean external = "External".equalsIgnoreCase(r.attr("TargetMode"));
                    boolean present = external || parts.contains(resolve(base, target));
                    out.add(new Relationship(e.getName(), r.attr("Id"), r.attr("Type"), target, external, present));
                }
            }
        } catch (ZipException e) {
            warnings.add("OOXML package is not a readable zip: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            warnings.add("OOXML relationships not read: " + e.getMessage());
        }
        return out;
    }

    /** {@code word/_rels/document.xml.rels} → {@code word/}; {@code _rels/.rels} → the package root. */
    static String sourceFolder(String relsPart) {
        int i = relsPart.lastIndexOf("_rels/");
        return relsPart.substring(0, i);
    }

    /** A part name from a relationship target: absolute ({@code /word/media/a.png}) or relative to the source. */
    static String resolve(String base, String target) {
        String t = target.replace('\\', '/');
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash);
        }
        try {
            t = java.net.URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%': the target is taken as written
        }
        String path = t.startsWith("/") ? t.substring(1) : base + t;
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else {
                out.add(seg);
            }
        }
        return String.join("/", out);
    }
}
