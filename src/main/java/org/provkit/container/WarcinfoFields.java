package org.provkit.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.Warcinfo;

/** The crawler a {@code warcinfo} record names (WARC fields), or an ARC file's header (its XML). */
final class WarcinfoFields {

    private static final int MAX_ARC_HEADER = 64 * 1024;

    private WarcinfoFields() {
    }

    /** The crawler named by {@code info}, whose block was staged in {@code block}. */
    static Crawler crawler(Warcinfo info, java.nio.file.Path block) throws IOException {
        String id = info.headers().sole("WARC-Record-ID").map(WarcinfoFields::unbracket).orElse(null);
        if ("ARC".equals(info.version().getProtocol())) {
            String xml;
            try (InputStream in = java.nio.file.Files.newInputStream(block)) {
                xml = new String(in.readNBytes(MAX_ARC_HEADER), StandardCharsets.UTF_8);
            }
            return new Crawler(arcField(xml, "software"), arcField(xml, "operator"), arcField(xml, "hostname"),
                    arcField(xml, "isPartOf"), id);
        }
        MessageHeaders fields;
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(block)) {
            fields = MessageHeaders.parse(channel);
        }
        return new Crawler(fields.first("software").orElse(null), fields.first("operator").orElse(null),
                fields.first("hostname").orElse(null), fields.first("isPartOf").orElse(null), id);
    }

    /** {@code <arc:software>Heritrix 1.5</arc:software>} (any namespace prefix) → {@code Heritrix 1.5}. */
    private static String arcField(String xml, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + "\\b[^>]*>([^<]*)</").matcher(xml);
        return m.find() && !m.group(1).isBlank() ? m.group(1).strip() : null;
    }

    static String unbracket(String id) {
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }
}
