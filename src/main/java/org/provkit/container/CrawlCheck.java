package org.provkit.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks up a captured page's images among the captures of its bundle: captured with a 2xx status is present;
 * not captured, or captured with a 4xx or 5xx status, is a gap. A redirect is followed within the crawl (as
 * a replay would) for up to {@link #MAX_REDIRECTS} steps.
 */
public final class CrawlCheck {

    static final int MAX_REDIRECTS = 5;

    private CrawlCheck() {
    }

    public static List<CrawlGap> gaps(List<PageAsset> assets, CaptureIndex captures) {
        List<CrawlGap> gaps = new ArrayList<>();
        for (PageAsset asset : assets) {
            String reason = missing(asset.url(), captures);
            if (reason != null) {
                gaps.add(new CrawlGap(asset, reason));
            }
        }
        return gaps;
    }

    /** Why {@code url} is not in the crawl, or null when it is. */
    static String missing(String url, CaptureIndex captures) {
        String at = url;
        Set<String> visited = new HashSet<>();
        String path = "";
        for (int step = 0; step <= MAX_REDIRECTS; step++) {
            CaptureIndex.Entry entry = captures.find(at);
            if (entry == null) {
                return step == 0 ? "not captured" : path + ", which was not captured";
            }
            if (entry.success()) {
                return null;
            }
            boolean redirect = entry.status() >= 300 && entry.status() < 400 && entry.location() != null;
            if (!redirect) {
                return (step == 0 ? "" : path + ", ") + "captured with HTTP " + entry.status();
            }
            String next = PageAssets.resolve(at, entry.location());
            if (next == null || !visited.add(CaptureIndex.key(next))) {
                return (step == 0 ? "" : path + ", ") + "captured with HTTP " + entry.status() + " (a redirect that leads nowhere)";
            }
            path = (step == 0 ? "" : path + " then ") + "redirected to " + next;
            at = next;
        }
        return path + ": too many redirects";
    }
}
