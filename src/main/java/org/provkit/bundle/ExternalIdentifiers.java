package org.provkit.bundle;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which canonical URLs may stand in bag-info.txt as {@code External-Identifier}: only well-formed absolute
 * http(s) URLs, one per line. A document's own text can give a host with no scheme ({@code www.example.com})
 * or several links run together by a converter ({@code …/a.htmlhttp://…}); such a value stays in the
 * document's record, where its evidence is, but does not identify the bundle.
 */
final class ExternalIdentifiers {

    /**
     * A second URL glued to the end of a word in the path: links run together ({@code .htmlhttp://}). After a
     * slash it is an archive's address of a page, as in {@code https://web.archive.org/web/2020/https://…}.
     */
    private static final Pattern RUN_TOGETHER = Pattern.compile("(?i)[^/]https?:/|[^/]mailto:");

    private ExternalIdentifiers() {
    }

    /** The value as an identifier, or empty when it is not one well-formed absolute http(s) URL. */
    static Optional<String> wellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048 || value.codePoints().anyMatch(c -> c <= ' ' || c == 0x7F
                || Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null || !hasHost(uri)) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (RUN_TOGETHER.matcher(path).find()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Java leaves the host null for a name it cannot parse, such as an internationalised one: ask IDN. */
    private static boolean hasHost(URI uri) {
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
            return true;
        }
        String authority = uri.getRawAuthority();
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        try {
            String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            return !ascii.isEmpty() && new URI("http", ascii, "/", null).getHost() != null;
        } catch (IllegalArgumentException | URISyntaxException e) {
            return false;
        }
    }
}
