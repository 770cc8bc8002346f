package org.provkit.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.provkit.Json;
import org.provkit.page.Css;
import org.provkit.page.HtmlCharset;
import org.provkit.page.PageChrome;
import org.provkit.page.Srcset;

/**
 * What the raw HTML says that Tika's text does not keep: canonical address, site name, JSON-LD, every image
 * reference ({@code src}, {@code srcset}, {@code data-src}), figcaptions and the footer. Lines are lines of
 * the raw file (jsoup position tracking).
 */
record HtmlFacts(
        String title, Integer titleLine,
        String h1, Integer h1Line,
        String lang,
        String baseHref,
        List<Located> canonical,
        List<Located> ogUrl,
        List<Located> siteName,
        List<Located> authors,
        List<Located> jsonLdPublishers,
        List<Located> jsonLdSources,
        List<Located> jsonLdBasedOn,
        List<Located> jsonLdAuthorOrganizations,
        List<Located> jsonLdAuthorPersons,
        String jsonLdHeadline,
        List<Image> images,
        List<Located> links,
        List<Located> figcaptions,
        List<Located> footer,
        List<Located> originalSource,
        List<Located> syndicationSource,
        List<Located> metaPublisher) {

    /** Raw bytes of HTML beyond this are not parsed (the text side still covers the whole document). */
    static final int MAX_HTML_BYTES = 8 << 20;

    /** A value and where it stands: the markup line and a description of the field. */
    record Located(String value, Integer line, String field) {
    }

    /**
     * One media element.
     *
     * @param references every address it names, with the attribute ({@code src}, {@code srcset}, {@code data-src})
     * @param nearbyText text of the figcaption and the elements right after it, where a credit would stand
     */
    record Image(String element, List<Located> references, Integer line, List<Located> nearbyText) {
    }


    static HtmlFacts read(Path file, String contentType) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_HTML_BYTES);
        }
        String charset = HtmlCharset.fromContentType(contentType);
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(new java.io.ByteArrayInputStream(bytes), charset, "", parser);
        return from(doc);
    }

    /** The facts of a page already parsed (with positions). */
    static HtmlFacts of(Document doc) {
        return from(doc);
    }

    static HtmlFacts parse(String html) {
        return from(Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true)));
    }

    private static HtmlFacts from(Document doc) {
        Element titleEl = doc.selectFirst(Css.of("head > title, title"));
        Element h1 = doc.selectFirst(Css.of("h1"));
        Element html = doc.selectFirst(Css.of("html"));
        Element base = doc.selectFirst(Css.of("base[href]"));
        List<Located> canonical = new ArrayList<>();
        for (Element e : doc.select(Css.of("link[href]"))) {
            if (relHas(e, "canonical")) {
                canonical.add(loc(e.attr("href").strip(), e, "link rel=canonical"));
            }
        }
        List<Located> ogUrl = metas(doc, "og:url");
        List<Located> siteName = metas(doc, "og:site_name");
        List<Located> authors = metas(doc, "author");
        List<Located> publishers = new ArrayList<>();
        List<Located> sources = new ArrayList<>();
        List<Located> basedOn = new ArrayList<>();
        List<Located> authorOrgs = new ArrayList<>();
        List<Located> authorPersons = new ArrayList<>();
        String[] headline = {null};
        for (Element script : doc.select(Css.of("script[type]"))) {
            if (!script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                continue;
            }
            JsonNode root;
            try {
                root = Json.mapper().readTree(script.data());
            } catch (IOException | RuntimeException e) {
                continue; // broken JSON-LD is common; the other evidence still counts
            }
            Integer line = line(script);
            walkJsonLd(root, 0, node -> {
                collectNames(node.get("publisher"), line, "json-ld publisher", publishers, null);
                collectNames(node.get("sourceOrganization"), line, "json-ld sourceOrganization", sources, null);
                collectBasedOn(node.get("isBasedOn"), line, basedOn);
                collectNames(node.get("author"), line, "json-ld author", authorOrgs, authorPersons);
                if (headline[0] == null && node.hasNonNull("headline") && node.get("headline").isTextual()) {
                    headline[0] = node.get("headline").asText().strip();
                }
            });
        }
        List<Image> images = new ArrayList<>();
        // One media element per picture / video / audio (with their <source>s), or per free-standing <img>.
        for (Element e : doc.select(Css.of("picture, video, audio, img"))) {
            if (e.tagName().equals("img") && e.closest(Css.of("picture, video, audio")) != null) {
                continue;
            }
            List<Located> refs = new ArrayList<>();
            for (Element part : e.select(Css.of("*"))) {
                if (part == e || part.tagName().equals("source") || part.tagName().equals("img")) {
                    references(part, refs);
                }
            }
            if (!refs.isEmpty()) {
                images.add(new Image(e.tagName(), refs, line(e), nearbyText(e)));
            }
        }
        List<Located> links = new ArrayList<>();
        for (Element a : doc.select(Css.of("a[href]"))) {
            links.add(loc(a.attr("href").strip(), a, "a href"));
        }
        List<Located> figcaptions = new ArrayList<>();
        for (Element f : doc.select(Css.of("figcaption"))) {
            String t = f.text().strip();
            if (!t.isEmpty()) {
                figcaptions.add(loc(t, f, "figcaption"));
            }
        }
        List<Located> footer = new ArrayList<>();
        for (Element f : doc.select(Css.of("footer, [role=contentinfo], #footer, .footer, .site-footer"))) {
            for (Element block : f.select(Css.of("p, div, span, small, li, address"))) {
                if (block.children().isEmpty() || block.ownText().length() > 0) {
                    String t = block.text().strip();
                    if (!t.isEmpty() && t.length() <= 300) {
                        footer.add(loc(t, block, "footer"));
                    }
                }
            }
            String own = f.ownText().strip();
            if (!own.isEmpty()) {
                footer.add(loc(own, f, "footer"));
            }
        }
        return new HtmlFacts(
                titleEl == null ? null : titleEl.text().strip(), titleEl == null ? null : line(titleEl),
                h1 == null ? null : h1.text().strip(), h1 == null ? null : line(h1),
                html == null || html.attr("lang").isBlank() ? null : html.attr("lang").strip(),
                base == null ? null : base.attr("href").strip(),
                canonical, ogUrl, siteName, authors, publishers, sources, basedOn, authorOrgs, authorPersons,
                headline[0], images, links, figcaptions, footer, metas(doc, "original-source"), metas(doc, "syndication-source"),
                metas(doc, "publisher"));
    }

    private static void references(Element e, List<Located> refs) {
        for (String attr : new String[] {"src", "data-src", "data-original", "data-lazy-src"}) {
            String v = e.attr(attr).strip();
            if (!v.isEmpty()) {
                refs.add(loc(v, e, attr));
            }
        }
        for (String attr : new String[] {"srcset", "data-srcset"}) {
            for (String candidate : Srcset.urls(e.attr(attr))) {
                refs.add(loc(candidate, e, attr));
            }
        }
    }

    private static boolean relHas(Element e, String rel) {
        for (String r : Rx.of("\\s+").split(e.attr("rel").toLowerCase(Locale.ROOT))) {
            if (r.equals(rel)) {
                return true;
            }
        }
        return false;
    }

    private static List<Located> metas(Document doc, String key) {
        List<Located> out = new ArrayList<>();
        for (Element m : doc.select(Css.of("meta[content]"))) {
            String k = !m.attr("property").isBlank() ? m.attr("property") : m.attr("name");
            if (k.strip().equalsIgnoreCase(key)) {
                String v = m.attr("content").strip();
                if (!v.isEmpty()) {
                    out.add(loc(v, m, key.startsWith("og:") ? key : "meta " + key));
                }
            }
        }
        return out;
    }

    private static Located loc(String value, Element e, String field) {
        return new Located(value, line(e), field);
    }

    private static Integer line(Element e) {
        var range = e.sourceRange();
        return range.isTracked() ? range.start().lineNumber() : null;
    }

    /** Text right next to an image: its figure's caption, then the next two elements after it (or its wrapper). */
    private static List<Located> nearbyText(Element img) {
        List<Located> out = new ArrayList<>();
        Element figure = img.closest(Css.of("figure"));
        if (figure != null) {
            for (Element cap : figure.select(Css.of("figcaption"))) {
                out.add(loc(PageChrome.textWithoutControls(cap).strip(), cap, "figcaption"));
            }
        }
        Element anchor = img;
        // An image wrapped alone in a link, picture or paragraph: look after the wrapper.
        while (anchor.parent() != null && anchor.parent().children().size() == 1
                && anchor.parent().text().isBlank() && !anchor.parent().tagName().equals("body")) {
            anchor = anchor.parent();
        }
        Element next = anchor.nextElementSibling();
        for (int i = 0; i < 2 && next != null; i++, next = next.nextElementSibling()) {
            if (next.select(Css.of("img")).isEmpty()) {
                String t = PageChrome.textWithoutControls(next).strip();
                if (!t.isEmpty() && t.length() <= 300) {
                    out.add(loc(t, next, next.tagName()));
                }
            }
        }
        Element prev = anchor.previousElementSibling();
        if (prev != null && prev.select(Css.of("img")).isEmpty()) {
            String t = PageChrome.textWithoutControls(prev).strip();
            if (!t.isEmpty() && t.length() <= 300) {
                out.add(loc(t, prev, prev.tagName()));
            }
        }
        return out;
    }

    private interface NodeVisitor {
        void visit(JsonNode node);
    }

    private static void walkJsonLd(JsonNode node, int depth, NodeVisitor visitor) {
        if (node == null || depth > 8) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> walkJsonLd(n, depth + 1, visitor));
        } else if (node.isObject()) {
            if (node.has("@graph")) {
                walkJsonLd(node.get("@graph"), depth + 1, visitor);
            }
            if (isCreativeWork(node)) {
                visitor.visit(node);
            }
            JsonNode main = node.get("mainEntity");
            if (main != null) {
                walkJsonLd(main, depth + 1, visitor);
            }
        }
    }

    private static boolean isCreativeWork(JsonNode node) {
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        for (String t : types) {
            if (Rx.of("(?i).*(Article|Posting|WebPage|CreativeWork|Report|NewsArticle|Blog|VideoObject|ImageObject)$").matcher(t).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Organisation names of a JSON-LD value; persons go to {@code persons} when given. */
    private static void collectNames(JsonNode v, Integer line, String field, List<Located> orgs, List<Located> persons) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.isArray()) {
            v.forEach(x -> collectNames(x, line, field, orgs, persons));
            return;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (!s.isEmpty()) {
                (persons == null ? orgs : persons).add(new Located(s, line, field));
            }
            return;
        }
        if (v.isObject()) {
            String name = v.path("name").asText("").strip();
            if (name.isEmpty()) {
                return;
            }
            String type = v.path("@type").asText("");
            boolean person = type.equalsIgnoreCase("Person");
            if (person && persons != null) {
                persons.add(new Located(name, line, field));
            } else if (!person) {
                orgs.add(new Located(name, line, field));
            }
        }
    }

    private static void collectBasedOn(JsonNode v, Integer line, List<Located> out) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.isArray()) {
            v.forEach(x -> collectBasedOn(x, line, out));
        } else if (v.isTextual()) {
            out.add(new Located(v.asText().strip(), line, "json-ld isBasedOn"));
        } else if (v.isObject()) {
            JsonNode pub = v.get("publisher");
            if (pub != null && pub.isObject() && pub.hasNonNull("name")) {
                out.add(new Located(pub.get("name").asText().strip(), line, "json-ld isBasedOn publisher"));
            } else if (pub != null && pub.isTextual()) {
                out.add(new Located(pub.asText().strip(), line, "json-ld isBasedOn publisher"));
            }
            String url = v.path("url").asText(v.path("@id").asText("")).strip();
            if (!url.isEmpty()) {
                out.add(new Located(url, line, "json-ld isBasedOn"));
            }
        }
    }
}
