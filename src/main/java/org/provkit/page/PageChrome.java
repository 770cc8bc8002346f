package org.provkit.page;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Page chrome: what surrounds an article and is never part of it — navigation, sidebars, related and
 * most-read lists, tickers, teasers, comments, sharing and subscription boxes, advertising, the site footer.
 * Recognised from the element (nav, aside, footer), its ARIA role and the words of its class and id.
 */
public final class PageChrome {

    private static final Set<String> TAGS = Set.of("nav", "aside", "menu", "dialog");
    private static final Set<String> ROLES = Set.of("navigation", "complementary", "contentinfo", "banner", "search", "menu",
            "menubar", "dialog", "alertdialog", "tablist");
    /** Whole words of class and id that name chrome. */
    private static final Set<String> WORDS = Set.of(
            // navigation
            "nav", "navbar", "navigation", "menu", "menubar", "submenu", "breadcrumb", "breadcrumbs", "topbar", "toolbar",
            "pagination", "pager", "skiplink", "hamburger",
            // side columns
            "sidebar", "aside", "rail", "sidebox", "sidecol",
            // lists of other stories
            "related", "relacionadas", "relacionados", "relacionada", "relacionado", "relacionades", "correlate", "correlati",
            "recommended", "recommendations", "recommendation", "recomendadas", "recomendados", "recommande", "recommandes",
            "empfehlungen", "popular", "populares", "trending", "ticker", "newsticker", "teaser", "teasers", "outbrain", "taboola",
            "playlist", "headlines", "latest", "ultimas", "últimas", "ultime", "dernieres", "dernières", "mostread",
            "meistgelesen", "meistgelesene", "masleidas", "maisslidas", "aktuell", "moreover", "morestories", "readmore", "seealso",
            "alsoread", "tambien", "también", "recirculation", "recirc", "feed",
            // conversation
            "comment", "comments", "comentarios", "comentario", "kommentare", "kommentar", "commenti", "commentaires",
            "disqus", "respond", "discussion", "replies", "reply", "forum",
            // sharing, subscription, consent
            "share", "sharing", "sharebar", "social", "sociales", "socials", "follow", "newsletter", "subscribe", "subscription",
            "signup", "login", "cookie", "cookies", "consent", "gdpr", "modal", "popup", "overlay",
            // advertising
            "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle", "adslot", "adunit",
            "sponsor", "sponsored", "promo", "promotion", "promoted", "commercial", "dfp", "publicidad", "publicidade", "werbung",
            "anzeige", "pub", "pubblicita",
            // site footer
            "footer", "colophon", "sitefooter");
    /**
     * Words of class and id that name the article itself. While the article is being looked for, an element
     * carrying one is not chrome by its words ("main-content has-sidebar" wraps the page).
     */
    private static final Set<String> ARTICLE_WORDS = Set.of("article", "articlebody", "body", "content", "entry", "main",
            "post", "story", "hentry", "artikel", "articolo", "noticia", "nota");
    /** Words of what stands around an article's text and belongs to it: never chrome by its words. */
    private static final Set<String> ARTICLE_PARTS = Set.of("byline", "author", "authors", "autor", "auteur", "dateline",
            "credit", "credits", "caption", "figcaption", "source", "fuente", "fonte", "quelle");
    private static final Pattern JOINED = Pattern.compile("most-?read|mais-?lid|m[aá]s-?le[ií]d|lo-?m[aá]s|more-?(?:news|stories|articles|from)"
            + "|see-?also|read-?(?:more|also|next)|leer-?m[aá]s|also-?read|you-?may|might-?like|top-?stories|in-?case|dont-?miss|up-?next");

    private PageChrome() {
    }

    /** Whether the element itself (not its ancestors) is chrome, once the article is known. */
    /** A control that only acts on the page ("+ CLICCA PER INGRANDIRE", a share button): its label is no content. */
    public static boolean isControl(Element e) {
        if (e.normalName().equals("a")) {
            String href = e.attr("href").strip();
            return href.equals("#") || href.regionMatches(true, 0, "javascript:", 0, 11);
        }
        return e.attr("role").equalsIgnoreCase("button");
    }

    /** An element's words without its controls' labels: a caption's "+ CLICCA PER INGRANDIRE" is no credit. */
    public static String textWithoutControls(Element e) {
        if (e.getAllElements().stream().noneMatch(PageChrome::isControl)) {
            return e.text();
        }
        Element copy = e.clone();
        copy.getAllElements().stream().filter(PageChrome::isControl).toList().forEach(Element::remove);
        return copy.text();
    }

    public static boolean isChrome(Element e) {
        return isChrome(e, false);
    }

    /**
     * Whether the element itself is chrome; {@code searching}: while the article is being looked for, when words
     * naming the article protect an element.
     */
    public static boolean isChrome(Element e, boolean searching) {
        String tag = e.normalName();
        if (TAGS.contains(tag)) {
            return chromeWords(e) || !holdsByline(e) && !holdsPage(e);
        }
        if (e.hasAttr("hidden") || isHiddenByStyle(e)) {
            return true;
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT).strip();
        if (!role.isEmpty() && ROLES.contains(role)) {
            return true;
        }
        if (tag.equals("body") || tag.equals("html") || tag.equals("main")
                || "articleBody".equalsIgnoreCase(e.attr("itemprop"))) {
            return false;
        }
        List<String> words = ElementTokens.of(e);
        if (words.isEmpty()) {
            return false;
        }
        boolean chrome = false;
        boolean articleWord = false;
        boolean footerWord = false;
        for (String w : words) {
            if (ARTICLE_PARTS.contains(w) || searching && ARTICLE_WORDS.contains(w)) {
                return false;
            }
            chrome |= WORDS.contains(w);
            articleWord |= ARTICLE_WORDS.contains(w);
            footerWord |= w.equals("footer");
        }
        if (articleWord && footerWord && chrome && words.stream().filter(WORDS::contains).allMatch(w -> w.equals("footer"))) {
            return false; // an article's own footer (its credits), not the site's
        }
        return (chrome || JOINED.matcher(ElementTokens.raw(e)).find()) && !holdsByline(e) && !holdsPage(e);
    }

    private static final java.util.Map<org.jsoup.nodes.Document, Integer> BODY_LENGTHS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Whether an element holds the headline or most of the page's text: then whatever its words say ("ad-portal",
     * "banner-headline"), it is the page or the article, not a box beside it.
     */
    static boolean holdsPage(Element e) {
        if (!e.select(Css.of("h1")).isEmpty()) {
            return true;
        }
        var doc = e.ownerDocument();
        if (doc == null || doc.body() == null) {
            return false;
        }
        int body = BODY_LENGTHS.computeIfAbsent(doc, d -> d.body().text().length());
        return body > 0 && e.text().length() * 5 > body * 2;
    }

    /** Words of class and id of a byline. */
    private static final Set<String> BYLINE_WORDS = Set.of("byline", "author", "authors", "autor", "auteur", "autore", "signature");

    /**
     * A small box that holds a byline (an {@code <address>}, a {@code rel=author} link, an element named for the
     * author) is the article's meta column, however it is named ("aside", "follow-button").
     */
    static boolean holdsByline(Element e) {
        if (e.normalName().equals("nav") || e.text().length() > 300) {
            return false;
        }
        for (Element d : e.getAllElements()) {
            if (d.normalName().equals("address") || d.attr("rel").toLowerCase(Locale.ROOT).contains("author")
                    || d.attr("itemprop").toLowerCase(Locale.ROOT).contains("author")) {
                return true;
            }
            for (String w : ElementTokens.of(d)) {
                if (BYLINE_WORDS.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the element's own words name a list of other stories, comments or advertising. */
    private static boolean chromeWords(Element e) {
        for (String w : ElementTokens.of(e)) {
            if (WORDS.contains(w) && !w.equals("aside") && !w.equals("footer")) {
                return true;
            }
        }
        return JOINED.matcher(ElementTokens.raw(e)).find();
    }

    /** Whether the element is chrome by what it is (nav, aside, an ARIA role, hidden), leaving its words aside. */
    public static boolean isChromeElement(Element e) {
        String role = e.attr("role").toLowerCase(Locale.ROOT).strip();
        return TAGS.contains(e.normalName()) || e.hasAttr("hidden") || isHiddenByStyle(e) || !role.isEmpty() && ROLES.contains(role);
    }

    /** A site-wide {@code <footer>}: one that is not inside an {@code <article>}. */
    public static boolean isSiteFooter(Element e) {
        return e.normalName().equals("footer") && e.closest(Css.of("article")) == null;
    }

    private static boolean isHiddenByStyle(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }
}
