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
import org.provkit.page.Srcset;

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
            for (String candidate : Srcset.urls(img.attr("srcset"))) {
                add(assets, seen, img, "img srcset", candidate);
            }
        }
        for (Element source : document.select("picture > source[srcset]")) {
            for (String candidate : Srcset.urls(source.attr("srcset"))) {
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

    @SuppressWarnings("deprecation") // java.net.URL(URL, String): the WHATWG-like lenient resolution browsers do
    static String resolve(String base, String reference) {
        try {
            return new URL(new URL(base), reference.replace(" ", "%20")).toExternalForm();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }
}
