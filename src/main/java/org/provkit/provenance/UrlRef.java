package org.provkit.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One URL found in a document.
 *
 * @param url        the raw form, as written
 * @param role       {@code canonical} (this copy's own address), {@code captured} (the address a web archive
 *                   captured it from), {@code image}, {@code link} (markup or Markdown link), {@code mentioned}
 *                   (bare URL in the text)
 * @param normalized lower-cased scheme and host, default port and fragment dropped; the raw form when unparsable
 * @param domain     the registrable domain ({@code radiohc.cu}, {@code bbc.co.uk}), null when there is no host
 * @param line       where it was found (see {@code in}), null for metadata
 * @param in         {@code text}, {@code markup} or {@code metadata}, as in {@link Evidence}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UrlRef(String url, String role, String normalized, String domain, Integer line, String in) {

    public static final String CANONICAL = "canonical";
    public static final String CAPTURED = "captured";
    public static final String IMAGE = "image";
    public static final String LINK = "link";
    public static final String MENTIONED = "mentioned";

    /** Lower ranks win when the same URL is found in several roles. */
    static int rank(String role) {
        return switch (role) {
            case CANONICAL -> 0;
            case IMAGE -> 1;
            case LINK -> 2;
            default -> 3;
        };
    }
}
