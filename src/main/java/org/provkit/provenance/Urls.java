package org.provkit.provenance;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/** Finding URLs in text (autolink), normalising them and naming their registrable domain. */
final class Urls {

    private static final LinkExtractor EXTRACTOR = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    private Urls() {
    }

    /** A URL found in a string: raw text and offsets. */
    record Found(String url, int start, int end) {
    }

    static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        for (LinkSpan span : EXTRACTOR.extractLinks(text)) {
            String raw = text.substring(span.getBeginIndex(), span.getEndIndex());
            if (span.getType() == LinkType.URL && !(raw.regionMatches(true, 0, "http://", 0, 7)
                    || raw.regionMatches(true, 0, "https://", 0, 8) || raw.regionMatches(true, 0, "ftp://", 0, 6))) {
                continue; // autolink also finds "javascript:..." and other scheme-like words
            }
            out.add(new Found(raw, span.getBeginIndex(), span.getEndIndex()));
        }
        return out;
    }

    static UrlRef ref(String raw, String role, Integer line, String in) {
        return new UrlRef(raw, role, normalize(raw), domain(raw), line, in);
    }

    /** Lower-cased scheme and host, IDN in ASCII, default port, empty path as "/", fragment dropped. */
    static String normalize(String raw) {
        String s = raw.strip();
        if (s.regionMatches(true, 0, "www.", 0, 4)) {
            s = "http://" + s;
        }
        try {
            URI u = new URI(s);
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return s;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            String host = host(u);
            if (host == null) {
                return s;
            }
            int port = u.getPort();
            boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String userInfo = u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@";
            return scheme + "://" + userInfo + host + (defaultPort ? "" : ":" + port) + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return s;
        }
    }

    /** The lower-case ASCII host of a URL, or null. */
    static String host(String raw) {
        String s = raw.strip();
        if (s.regionMatches(true, 0, "www.", 0, 4)) {
            s = "http://" + s;
        }
        try {
            return host(new URI(s));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Unencoded characters in the path: cut to the authority and retry.
            int schemeEnd = s.indexOf("://");
            if (schemeEnd < 0) {
                return null;
            }
            int end = schemeEnd + 3;
            while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
                end++;
            }
            try {
                return host(new URI(s.substring(0, end)));
            } catch (URISyntaxException | IllegalArgumentException e2) {
                return null;
            }
        }
    }

    private static String host(URI u) {
        String h = u.getHost();
        if (h == null && u.getRawAuthority() != null) {
            String a = u.getRawAuthority();
            a = a.substring(a.lastIndexOf('@') + 1);
            int colon = a.lastIndexOf(':');
            h = colon > 0 && !a.endsWith("]") ? a.substring(0, colon) : a;
        }
        if (h == null || h.isEmpty()) {
            return null;
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return h.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The registrable domain from the public suffix list ({@code www.bbc.co.uk} → {@code bbc.co.uk}); for a
     * host under no known suffix (such as {@code .example}), its last two labels.
     */
    static String domain(String raw) {
        String host = host(raw);
        return host == null ? null : domainOfHost(host);
    }

    static String domainOfHost(String host) {
        if (Rx.of("[0-9.]+").matcher(host).matches() || host.startsWith("[")) {
            return host;
        }
        String assigned = EffectiveTldFinder.getAssignedDomain(host, true, false);
        if (assigned != null && !assigned.isEmpty() && assigned.contains(".")) {
            return assigned;
        }
        String[] labels = host.split("\\.");
        return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
