package org.provkit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** What the audit shows of a record beyond its chain: its canonical URL, its date, its bundle-time warnings. */
final class DocumentFacts {

    /**
     * Where a record gives a document's date, best first: provkit's own fields (should a record hold them), then
     * the metadata Tika reads from HTML ({@code article:published_time}, Dublin Core) and office files.
     */
    private static final List<String> DATE_FIELDS = List.of("published", "date");
    private static final List<String> DATE_METADATA = List.of("article:published_time", "og:article:published_time",
            "dcterms:issued", "dc:date", "DC.date", "date", "pubdate", "publishdate", "dcterms:created", "meta:creation-date",
            "Creation-Date", "created");
    private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private DocumentFacts() {
    }

    /** The first URL whose role is {@code canonical}; null when none. Only http(s) URLs: they are linked. */
    static String canonicalUrl(JsonNode urls) {
        for (JsonNode url : urls) {
            if ("canonical".equals(url.path("role").asText()) && isWeb(url.path("url").asText())) {
                return url.path("url").asText();
            }
        }
        return null;
    }

    static boolean isWeb(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The document's date as {@code yyyy-MM-dd} (or as given, when it is no ISO date); null when none is known. */
    static String date(JsonNode record) {
        for (String field : DATE_FIELDS) {
            String value = first(record.get(field));
            if (value != null) {
                return day(value);
            }
        }
        JsonNode metadata = record.path("metadata");
        for (String key : DATE_METADATA) {
            String value = first(metadata.get(key));
            if (value != null) {
                return day(value);
            }
        }
        return null;
    }

    /** The record's warnings as sentences: a text as it is, an object as "code: message" (or as its JSON). */
    static List<String> warnings(JsonNode record) {
        List<String> warnings = new ArrayList<>();
        for (JsonNode warning : record.path("warnings")) {
            if (warning.isTextual()) {
                warnings.add(warning.asText());
            } else if (warning.path("message").isTextual()) {
                String code = warning.path("code").asText(null);
                warnings.add((code == null ? "" : code + ": ") + warning.path("message").asText());
            } else if (!warning.isNull()) {
                warnings.add(warning.toString());
            }
        }
        return List.copyOf(warnings);
    }

    private static String first(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return value.isEmpty() ? null : first(value.get(0));
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String day(String value) {
        Matcher iso = ISO_DAY.matcher(value);
        if (iso.find()) {
            return iso.group(1);
        }
        return value.length() > 40 ? value.substring(0, 40) : value;
    }
}
