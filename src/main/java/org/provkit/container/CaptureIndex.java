package org.provkit.container;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every capture of a bundle by URL, with the best HTTP status it was captured with, to tell which of a page's
 * images the crawl holds. Thread-safe: the containers of a bundle are read in parallel. Keyed by the URL
 * normalised as crawlers and replay tools compare them (scheme and host lower-cased, default port and fragment
 * dropped, an empty path as {@code /}); {@code http} and {@code https} stay distinct.
 */
public final class CaptureIndex {

    /** What the crawl holds for one URL: its best status and, for a redirect, where to. */
    public record Entry(int status, String location) {

        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    private final Map<String, Entry> byUrl = new ConcurrentHashMap<>();

    /** Records a capture; a resource record without HTTP counts as a success. */
    public void add(Capture capture) {
        if (capture == null || capture.url() == null) {
            return;
        }
        int status = capture.httpStatus() == null ? 200 : capture.httpStatus();
        byUrl.merge(key(capture.url()), new Entry(status, capture.location()), CaptureIndex::better);
    }

    /** The entry for {@code url}, or null when it was not captured. */
    public Entry find(String url) {
        return byUrl.get(key(url));
    }

    public int size() {
        return byUrl.size();
    }

    /** A success over a redirect over an error: what a replay would get at best. */
    private static Entry better(Entry a, Entry b) {
        return rank(b) < rank(a) ? b : a;
    }

    private static int rank(Entry e) {
        if (e.success()) {
            return 0;
        }
        return e.status() >= 300 && e.status() < 400 ? 1 : 2;
    }

    static String key(String url) {
        String s = url.strip();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        try {
            URI uri = new URI(s);
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getHost() == null) {
                return s;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return s;
        }
    }
}
