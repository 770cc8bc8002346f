package org.provkit.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself outside its visible text: {@code <meta>} tags (Open Graph, Dublin Core, article:,
 * twitter:, Google News' syndication-source and original-source), {@code <link rel>}, JSON-LD and microdata.
 */
public final class PageMetadata {

    private static final Pattern ARTICLE_ITEMTYPE = Pattern.compile("(?i).*(?:Article|BlogPosting|Report|WebPage)$");

    private final Document document;
    private final JsonLd jsonLd;

    private PageMetadata(Document document) {
        this.document = document;
        this.jsonLd = JsonLd.of(document);
    }

    public static PageMetadata of(Document document) {
        return new PageMetadata(document);
    }

    public JsonLd jsonLd() {
        return jsonLd;
    }

    /**
     * Values of {@code <meta>} tags whose property, name or itemprop is one of {@code keys} (any case), in page
     * order; the value from {@code content}, else from {@code value} (some saved pages write that).
     */
    public List<MetaValue> meta(String... keys) {
        List<MetaValue> out = new ArrayList<>();
        for (Element m : document.select(Css.of("meta"))) {
            String value = m.hasAttr("content") ? m.attr("content") : m.attr("value");
            value = value.strip();
            if (value.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String k = m.attr(attr).strip();
                if (k.isEmpty()) {
                    continue;
                }
                for (String key : keys) {
                    if (k.equalsIgnoreCase(key)) {
                        out.add(new MetaValue(value, key.startsWith("og:") || key.contains(":") ? key : "meta " + key.toLowerCase(Locale.ROOT),
                                HtmlPage.line(m)));
                    }
                }
            }
        }
        return out;
    }

    /** The first value of a meta key, or null. */
    public String first(String... keys) {
        List<MetaValue> v = meta(keys);
        return v.isEmpty() ? null : v.get(0).value();
    }

    /** {@code href} of every {@code <link>} or {@code <a>} whose rel holds {@code rel}. */
    public List<MetaValue> links(String rel) {
        List<MetaValue> out = new ArrayList<>();
        for (Element e : document.select(Css.of("link[rel][href], a[rel][href]"))) {
            for (String r : e.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                if (r.equals(rel)) {
                    String v = e.normalName().equals("a") ? e.text().strip() : e.attr("href").strip();
                    if (!v.isEmpty()) {
                        out.add(new MetaValue(v, e.normalName().equals("a") ? "a rel=" + rel : "link rel=" + rel, HtmlPage.line(e)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Microdata names of an article's property ({@code itemprop="author"} inside an Article scope): the
     * {@code name} of an item, else the element's content or text.
     */
    public List<MetaValue> microdata(String prop) {
        List<MetaValue> out = new ArrayList<>();
        for (Element e : document.select(Css.of("[itemprop]"))) {
            boolean has = false;
            for (String p : e.attr("itemprop").split("\\s+")) {
                has |= p.equalsIgnoreCase(prop);
            }
            if (!has || e.normalName().equals("meta") && !e.hasAttr("content")) {
                continue;
            }
            Element scope = e.parent() == null ? null : e.parent().closest(Css.of("[itemscope]"));
            if (scope == null || !ARTICLE_ITEMTYPE.matcher(scope.attr("itemtype")).matches()) {
                continue;
            }
            MetaValue.Kind kind = MetaValue.Kind.UNKNOWN;
            String name;
            if (e.hasAttr("itemscope")) {
                String type = e.attr("itemtype");
                kind = type.endsWith("Person") ? MetaValue.Kind.PERSON
                        : JsonLd.organizationTypes().matcher(type.substring(type.lastIndexOf('/') + 1)).matches()
                                ? MetaValue.Kind.ORGANIZATION : MetaValue.Kind.UNKNOWN;
                Element n = e.selectFirst(Css.of("[itemprop~=(?i)^name$]"));
                name = n == null ? null : n.hasAttr("content") ? n.attr("content") : n.text();
            } else {
                name = e.hasAttr("content") ? e.attr("content") : e.text();
            }
            if (name != null && !name.isBlank() && name.length() <= 200) {
                out.add(new MetaValue(name.strip(), "microdata " + prop, HtmlPage.line(e), kind));
            }
        }
        return out;
    }

    /** The page's declared language ({@code <html lang>}, else Content-Language), or null. */
    public String lang() {
        Element html = document.selectFirst(Css.of("html"));
        if (html != null && !html.attr("lang").isBlank()) {
            return html.attr("lang").strip();
        }
        if (html != null && !html.attr("xml:lang").isBlank()) {
            return html.attr("xml:lang").strip();
        }
        return first("content-language", "language", "dc.language");
    }
}
