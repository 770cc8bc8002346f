package org.provkit.container;

import java.net.URI;
import java.util.Locale;

import org.provkit.StringTable;

/**
 * Every capture of a bundle by URL, with the best HTTP status it was captured with, to tell which of a page's
 * images the crawl holds. Thread-safe: the containers of a bundle are read in parallel. Held compactly
 * ({@link StringTable}), since it grows with the captures of the bundle. Keyed by the URL
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

    // As HashMap entries these were about 160 bytes a capture (a WARC of 20,000 records: 3 MB); now about 100.
    private final StringTable urls = new StringTable();
    private final StringTable locations = new StringTable();
    /** By the URL's number in {@code urls}: its best status, and its location's number in {@code locations} or -1. */
    private int[] statuses = new int[16];
    private int[] locationOf = new int[16];

    /** Records a capture; a resource record without HTTP counts as a success. */
    public synchronized void add(Capture capture) {
        if (capture == null || capture.url() == null) {
            return;
        }
        int status = capture.httpStatus() == null ? 200 : capture.httpStatus();
        Entry entry = new Entry(status, capture.location());
        int before = urls.size();
        int number = urls.number(key(capture.url()));
        if (number == before) {
            if (number == statuses.length) {
                statuses = java.util.Arrays.copyOf(statuses, number * 2);
                locationOf = java.util.Arrays.copyOf(locationOf, number * 2);
            }
            set(number, entry);
        } else {
            Entry known = entry(number);
            if (better(known, entry) != known) {
                set(number, entry);
            }
        }
    }

    /** The entry for {@code url}, or null when it was not captured. */
    public synchronized Entry find(String url) {
        int number = urls.indexOf(key(url));
        return number < 0 ? null : entry(number);
    }

    public synchronized int size() {
        return urls.size();
    }

    private void set(int number, Entry entry) {
        statuses[number] = entry.status();
        locationOf[number] = entry.location() == null ? -1 : locations.number(entry.location());
    }

    private Entry entry(int number) {
        int location = locationOf[number];
        return new Entry(statuses[number], location < 0 ? null : locations.get(location));
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
