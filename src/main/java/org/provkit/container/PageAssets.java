package org.provkit.container;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The images a captured HTML page embeds, resolved against the URL it was captured from: {@code img src} and
 * {@code srcset}, {@code picture > source srcset}, {@code video poster} and {@code og:image}. Each distinct URL
 * once, in page order.
 */
public final class PageAssets {

    /** Pages are read up to this size; a larger one is read in its first part (the head and the article). */
    static final int MAX_BYTES = 8 << 20;

    private PageAssets() {
    }

    public static List<PageAsset> of(Path page, String pageUrl, String charset) throws IOException {
        Document document;
        try (InputStream in = Files.newInputStream(page)) {
            Parser parser = Parser.htmlParser().setTrackPosition(true);
            document = Jsoup.parse(new java.io.ByteArrayInputStream(in.readNBytes(MAX_BYTES)), charset, pageUrl, parser);
        }
        List<PageAsset> assets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element img : document.select("img[src], img[srcset]")) {
            add(assets, seen, img, "img src", img.attr("src"));
            for (String candidate : srcset(img.attr("srcset"))) {
                add(assets, seen, img, "img srcset", candidate);
            }
        }
        for (Element source : document.select("picture > source[srcset]")) {
            for (String candidate : srcset(source.attr("srcset"))) {
                add(assets, seen, source, "picture source srcset", candidate);
            }
        }
        for (Element video : document.select("video[poster]")) {
            add(assets, seen, video, "video poster", video.attr("poster"));
        }
        for (Element meta : document.select("meta[property=og:image], meta[name=og:image]")) {
            add(assets, seen, meta, "meta og:image", meta.attr("content"));
        }
        return assets;
    }

    private static void add(List<PageAsset> assets, Set<String> seen, Element element, String attribute, String reference) {
        String ref = reference == null ? "" : reference.strip();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (ref.isEmpty() || ref.startsWith("#") || lower.startsWith("data:") || lower.startsWith("javascript:")
                || lower.startsWith("about:") || lower.startsWith("blob:")) {
            return;
        }
        String url = resolve(element.baseUri(), ref);
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://")) || !seen.add(CaptureIndex.key(url))) {
            return;
        }
        int line = element.sourceRange().start().lineNumber();
        assets.add(new PageAsset("image", attribute, ref, url, line > 0 ? line : null));
    }

    /** The URLs of a srcset: comma-separated candidates, each a URL and an optional width or density. */
    static List<String> srcset(String srcset) {
        List<String> out = new ArrayList<>();
        String s = srcset == null ? "" : srcset.strip();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String url = s.substring(start, i);
            // A URL ends at white space; a trailing comma with no descriptor ends it too.
            if (url.endsWith(",")) {
                url = url.substring(0, url.length() - 1);
            } else {
                while (i < s.length() && s.charAt(i) != ',') {
                    i++;
                }
            }
            if (!url.isEmpty()) {
                out.add(url);
            }
        }
        return out;
    }

    @SuppressWarnings("deprecation") // java.net.URL(URL, String): the WHATWG-like lenient resolution browsers do
    static String resolve(String base, String reference) {
        try {
            return new URL(new URL(base), reference.replace(" ", "%20")).toExternalForm();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }
}
