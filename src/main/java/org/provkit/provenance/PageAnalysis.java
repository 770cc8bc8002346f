package org.provkit.provenance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.provkit.page.ArticleBlocks;
import org.provkit.page.ArticleLocator;
import org.provkit.page.Block;
import org.provkit.page.Css;
import org.provkit.page.HtmlPage;
import org.provkit.page.JsonLd;
import org.provkit.page.MetaValue;
import org.provkit.page.PageMetadata;
import org.provkit.provenance.Signal.Kind;

/**
 * Attribution of a web page from its structure: the article is found first (headline and body paragraphs), and
 * only its own lines (byline, dateline, source and credit lines), the pictures it shows and the page's metadata
 * are read; navigation, sidebars, related lists and footers are not. See docs/provenance.md.
 */
final class PageAnalysis {

    /** What the page says about where it came from. */
    record Result(List<Hop> chain, List<Credit> credits, List<String> authors, String articleText, String headline) {
    }

    private final PartyResolver resolver;
    private final PageSourceRules sourceRules;
    private final PublisherNaming naming;
    private final PageCredits credits;

    PageAnalysis(PartyResolver resolver, TextAttributionRules textRules) {
        this.resolver = resolver;
        this.sourceRules = new PageSourceRules(resolver, textRules);
        this.naming = new PublisherNaming(resolver);
        this.credits = new PageCredits(resolver);
    }

    Result analyze(HtmlPage page, List<String> hosts, List<String> warnings) {
        Document doc = page.document();
        PageMetadata meta = PageMetadata.of(doc);
        List<String> hints = new ArrayList<>();
        meta.meta("og:title", "twitter:title").forEach(v -> hints.add(v.value()));
        for (JsonLd.Node a : meta.jsonLd().articles()) {
            String h = JsonLd.text(a.json().get("headline"));
            if (h != null) {
                hints.add(h);
            }
        }
        hints.add(doc.title());
        ArticleLocator.Article article = ArticleLocator.locate(doc, hints);
        if (article == null && doc.body() != null) {
            article = new ArticleLocator.Article(doc.body(), doc.body(), null);
        }
        List<Block> blocks = ArticleBlocks.of(article);
        List<PageLines.Line> lines = PageLines.of(blocks);
        List<String> authors = new ArrayList<>();
        List<PageSignal> signals = new ArrayList<>(sourceRules.find(lines, authors));
        if (article != null && article.headline() != null) {
            signals.addAll(sourceRules.logos(headerImages(article)));
        }
        signals.addAll(metadataSignals(meta, authors));
        Set<Element> articleElements = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : blocks) {
            if (b.element() != null) {
                articleElements.add(b.element());
            }
        }
        List<String> bylineNames = new ArrayList<>(authors);
        signals.stream().filter(s -> !s.registered() && s.visible()).forEach(s -> bylineNames.add(s.written()));
        String headline = article == null || article.headline() == null ? null : article.headline().text();
        Optional<PublisherNaming.Publisher> publisher = naming.name(doc, meta, headline, articleElements, hosts, bylineNames);
        List<Hop> chain = PageChain.build(signals, publisher.orElse(null), warnings);
        List<Credit> found = credits.find(doc, meta, article, lines, country(hosts));
        StringBuilder text = new StringBuilder();
        for (Block b : blocks) {
            if (b.region() == Block.Region.BODY || b.region() == Block.Region.HEAD) {
                text.append(b.text()).append('\n');
            }
        }
        List<String> people = authors.stream().filter(a -> chain.stream().noneMatch(h -> PublisherNaming.sameName(h.party(), a))).distinct().toList();
        return new Result(chain, found, people, text.toString(), headline);
    }

    /** Images of the article's header: from the start of its container to the start of its body. */
    private static List<Element> headerImages(ArticleLocator.Article article) {
        Element header = ArticleBlocks.headerOf(article.headline(), article.bodyFirst());
        var range = article.bodyFirst().sourceRange();
        int end = range.isTracked() ? range.startPos() : Integer.MAX_VALUE;
        List<Element> out = new ArrayList<>();
        for (Element img : header.select(Css.of("img"))) {
            var r = img.sourceRange();
            if (r.isTracked() && r.startPos() < end || isInside(img, article.body()) && img.closest(Css.of("[class*=author], [class*=byline]")) != null) {
                out.add(img);
            }
        }
        return out;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The page's country from its host's country-code domain ({@code zeit.de} → DE), or null. */
    static String country(List<String> hosts) {
        for (String h : hosts) {
            if (h == null) {
                continue;
            }
            String tld = h.substring(h.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT);
            if (tld.length() == 2) {
                return tld.equals("UK") ? "GB" : tld;
            }
        }
        return null;
    }

    /** Sources the page states in metadata: JSON-LD, microdata, meta tags, link relations. */
    private List<PageSignal> metadataSignals(PageMetadata meta, List<String> authors) {
        List<PageSignal> out = new ArrayList<>();
        for (JsonLd.Node a : meta.jsonLd().articles()) {
            for (MetaValue v : meta.jsonLd().names(a, "author")) {
                named(v, Kind.AUTHOR, v.kind() == MetaValue.Kind.ORGANIZATION, out, authors);
            }
            for (MetaValue v : meta.jsonLd().names(a, "sourceOrganization")) {
                named(v, Kind.AUTHOR, true, out, authors);
            }
            for (String field : new String[] {"copyrightHolder", "creditText", "provider"}) {
                for (MetaValue v : meta.jsonLd().names(a, field)) {
                    registeredOnly(v, Kind.AUTHOR, out);
                }
            }
            for (MetaValue v : meta.jsonLd().names(a, "isBasedOn")) {
                basedOn(v, out);
            }
            var based = a.json().get("isBasedOn");
            if (based != null && based.isObject()) {
                String url = JsonLd.text(based.get("url"));
                if (url != null) {
                    basedOn(new MetaValue(url, "json-ld isBasedOn", a.line()), out);
                }
                for (MetaValue v : meta.jsonLd().names(new JsonLd.Node(based, a.line()), "publisher")) {
                    basedOn(new MetaValue(v.value(), "json-ld isBasedOn publisher", v.line()), out);
                }
            }
        }
        for (MetaValue v : meta.microdata("author")) {
            named(v, Kind.AUTHOR, v.kind() == MetaValue.Kind.ORGANIZATION, out, authors);
        }
        for (MetaValue v : meta.microdata("sourceOrganization")) {
            named(v, Kind.AUTHOR, true, out, authors);
        }
        for (MetaValue v : meta.meta("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author")) {
            if (AssetRules.isExternal(v.value())) {
                continue;
            }
            for (String part : v.value().split("\\s*[|,/;]\\s*")) {
                registeredOnly(new MetaValue(part, v.field(), v.line()), Kind.AUTHOR, out);
            }
        }
        for (MetaValue v : meta.meta("syndication-source", "dc.source", "dcterms.source")) {
            basedOn(v, out);
        }
        meta.links("syndication-source").forEach(v -> basedOn(v, out));
        for (MetaValue v : meta.meta("original-source")) {
            hostOrName(v, Kind.AUTHOR, out);
        }
        meta.links("original-source").forEach(v -> hostOrName(v, Kind.AUTHOR, out));
        return out;
    }

    private void named(MetaValue v, Kind kind, boolean organisation, List<PageSignal> out, List<String> authors) {
        Evidence ev = Evidence.markup(v.value(), v.line(), v.field());
        List<PartyResolver.Written> parties = resolver.whole(v.value());
        if (!parties.isEmpty()) {
            parties.forEach(w -> out.add(new PageSignal(w.party(), w.written(), kind, ev, false)));
        } else if (organisation) {
            String name = PartyResolver.clean(v.value());
            if (!name.isEmpty() && !OrgNames.generic(name)) {
                out.add(new PageSignal(null, name, kind, ev, false));
            }
        } else if (!v.value().isBlank() && v.value().length() <= 80) {
            authors.add(v.value().strip());
        }
    }

    private void registeredOnly(MetaValue v, Kind kind, List<PageSignal> out) {
        for (PartyResolver.Written w : resolver.whole(v.value())) {
            out.add(new PageSignal(w.party(), w.written(), kind, Evidence.markup(v.value(), v.line(), v.field()), false));
        }
    }

    private void basedOn(MetaValue v, List<PageSignal> out) {
        hostOrName(v, Kind.TAKEN_FROM, out);
    }

    private void hostOrName(MetaValue v, Kind kind, List<PageSignal> out) {
        Evidence ev = Evidence.markup(v.value(), v.line(), v.field());
        if (AssetRules.isExternal(v.value())) {
            String host = Urls.host(v.value());
            if (host != null) {
                resolver.registry().byHost(host).ifPresentOrElse(
                        p -> out.add(new PageSignal(p, p.name(), kind, ev, false)),
                        () -> out.add(new PageSignal(null, Urls.domainOfHost(host), kind, ev, false)));
            }
            return;
        }
        List<PartyResolver.Written> parties = resolver.whole(v.value());
        if (!parties.isEmpty()) {
            parties.forEach(w -> out.add(new PageSignal(w.party(), w.written(), kind, ev, false)));
        } else {
            String name = PartyResolver.asName(v.value());
            if (name != null) {
                out.add(new PageSignal(null, name, kind, ev, false));
            }
        }
    }
}
