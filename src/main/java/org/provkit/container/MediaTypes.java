package org.provkit.container;

import java.util.Locale;
import java.util.Map;

/** File name extensions for the media types captures commonly have, so a staged payload is named as parsers expect. */
final class MediaTypes {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/html", "html"), Map.entry("application/xhtml+xml", "xhtml"), Map.entry("text/plain", "txt"),
            Map.entry("text/css", "css"), Map.entry("text/javascript", "js"), Map.entry("application/javascript", "js"),
            Map.entry("application/json", "json"), Map.entry("application/xml", "xml"), Map.entry("text/xml", "xml"),
            Map.entry("application/rss+xml", "rss"), Map.entry("application/atom+xml", "atom"),
            Map.entry("application/pdf", "pdf"), Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"), Map.entry("image/svg+xml", "svg"),
            Map.entry("image/avif", "avif"), Map.entry("image/x-icon", "ico"), Map.entry("image/vnd.microsoft.icon", "ico"),
            Map.entry("video/mp4", "mp4"), Map.entry("video/webm", "webm"), Map.entry("audio/mpeg", "mp3"),
            Map.entry("application/zip", "zip"), Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("message/rfc822", "eml"), Map.entry("text/csv", "csv"), Map.entry("font/woff2", "woff2"),
            Map.entry("font/woff", "woff"));

    private MediaTypes() {
    }

    /** The usual extension of a media type (parameters ignored), or null. */
    static String extension(String mediaType) {
        return mediaType == null ? null : EXTENSIONS.get(base(mediaType));
    }

    /** {@code text/html; charset=utf-8} → {@code text/html}. */
    static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
