package org.provkit.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What shows a fact, so that a person can check it.
 *
 * @param text   the exact span as it stands in the document (or the metadata value)
 * @param line   1-based line number, or null for metadata
 * @param column 1-based column of {@code text} on that line, or null
 * @param field  the metadata field or markup the evidence comes from ({@code og:site_name}, {@code url host},
 *               {@code json-ld publisher}), or null for a plain text span
 * @param in     what {@code line} counts in: {@code text} (the extracted UTF-8 text, {@code data/text/<path>.txt}),
 *               {@code markup} (the raw original file, e.g. HTML source), {@code metadata} (no line)
 * @param path   for markup, a CSS selector of the element holding the text ({@code article > p.byline}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String text, Integer line, Integer column, String field, String in, String path) {

    public Evidence(String text, Integer line, Integer column, String field, String in) {
        this(text, line, column, field, in, null);
    }

    public static final String IN_TEXT = "text";
    public static final String IN_MARKUP = "markup";
    public static final String IN_METADATA = "metadata";

    public static Evidence textSpan(String text, int line, int column) {
        return new Evidence(text, line, column, null, IN_TEXT);
    }

    public static Evidence markup(String text, Integer line, String field) {
        return new Evidence(text, line, null, field, IN_MARKUP);
    }

    /** A span of the page's visible text: the element's line and CSS path, and which rule read it. */
    public static Evidence element(String text, Integer line, String field, String path) {
        return new Evidence(text, line, null, field, IN_MARKUP, path);
    }

    public static Evidence metadata(String text, String field) {
        return new Evidence(text, null, null, field, IN_METADATA);
    }
}
