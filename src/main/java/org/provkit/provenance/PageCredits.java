package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.provkit.page.ArticleBlocks;
import org.provkit.page.ArticleLocator;
import org.provkit.page.Css;
import org.provkit.page.ElementTokens;
import org.provkit.page.HtmlPage;
import org.provkit.page.MetaValue;
import org.provkit.page.PageChrome;
import org.provkit.page.PageMetadata;
import org.provkit.page.TextLength;

/**
 * Picture credits a reader sees in the article: captions and credit lines of its pictures, and labelled credit
 * lines in its header or footer ("Beeld: Pro Shots"). The lead picture (the page's {@code og:image} where the
 * article shows it, else its first picture) gets its own credit, marked {@code lead}; when it has none, the
 * credit the article prints for its pictures stands for it. Sidebars, carousels of other stories, {@code alt}
 * and {@code title} attributes and metadata never give a credit.
 */
final class PageCredits {

    private static final Set<String> CREDIT_WORDS = Set.of("credit", "credits", "copyright", "author", "autor", "photographer",
            "fotografo", "fotograf", "source", "fuente", "fonte", "quelle", "byline", "signature", "agency", "secondarytext");
    /** Words of a byline's or author box's face: whatever holds it (up to four levels up), it is no picture of the story. */
    private static final Set<String> PEOPLE = Set.of("author", "authors", "byline", "bylines", "avatar", "headshot", "mugshot",
            "profile", "journalist", "autor", "auteur", "autore");
    /** Words naming an image, or its wrapper, as no picture of the story. */
    private static final Set<String> NOT_PICTURE = Set.of("logo", "icon", "avatar", "author", "profile", "sprite", "emoji",
            "headshot", "mugshot", "byline", "sns", "ad", "ads");
    /** Words that, on the image itself, make it a control rather than a picture. */
    private static final Set<String> NOT_PICTURE_ITSELF = Set.of("badge", "button", "social", "share", "spinner", "loader");

    private final PartyResolver resolver;

    PageCredits(PartyResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The lead picture's credit, as a list of at most one. {@code homeCountry}: the page's country (ISO code) or
     * null, to tell a home distributor from the agency that took a picture ("Alba Pacheco/Agencia LOF/dpa" on a
     * German page is Agencia LOF's).
     */
    List<Credit> find(Document doc, PageMetadata meta, ArticleLocator.Article article, List<PageLines.Line> lines,
            String homeCountry) {
        CaptionCredits captions = new CaptionCredits(resolver, homeCountry);
        Element img = article == null ? null : leadImage(doc, meta, article);
        if (img != null) {
            Lead lead = leadCredit(img, captions);
            if (lead.credit() != null) {
                return List.of(lead.credit());
            }
            if (lead.printedWithoutParty()) {
                return List.of(); // "Foto: Reprodução", "(Bild: Hersteller)": the lead's credit names nobody
            }
        }
        // The lead has no printed credit: an article-wide credit line ("Beeld: Pro Shots") stands for it, or the
        // printed credit of its other pictures when the lead's own (in its attributes) names the same party.
        for (PageLines.Line l : lines) {
            // A credit line in the article's header names the picture at its top.
            if ((l.region() == org.provkit.page.Block.Region.PRE || l.region() == org.provkit.page.Block.Region.HEAD) && !l.block().mostlyLinks()) {
                Optional<CaptionCredits.Found> f = captions.labelled(l.text());
                if (f.isPresent()) {
                    return List.of(credit(f.get(), l.evidence(f.get().span(), "credit line"), true));
                }
            }
        }
        List<Credit> captionCredits = new ArrayList<>();
        for (PageLines.Line l : lines) {
            if (l.block().mostlyLinks() && !l.caption()) {
                continue;
            }
            if (!l.caption()) {
                Optional<CaptionCredits.Found> f = captions.labelled(l.text());
                if (f.isPresent()) {
                    return List.of(credit(f.get(), l.evidence(f.get().span(), "credit line"), true));
                }
                continue;
            }
            Optional<CaptionCredits.Found> f = creditElement(l.block().element()) || !resolver.whole(l.text()).isEmpty()
                    ? captions.inCreditElement(l.text()) : captions.inCaption(l.text());
            f.ifPresent(found -> captionCredits.add(credit(found, l.evidence(found.span(), "caption"), true)));
        }
        if (img == null) {
            return captionCredits.isEmpty() ? List.of() : List.of(captionCredits.get(0)); // the first picture leads
        }
        String attributes = String.join(" ", img.attr("alt"), img.attr("title"), img.attr("data-caption"), img.attr("data-credit"));
        for (Element p = img.parent(); p != null && p != doc.body() && !TextLength.longerThan(p, 399); p = p.parent()) {
            attributes += " " + String.join(" ", p.attr("data-caption"), p.attr("data-credit"), p.attr("data-copyright"), p.attr("title"));
        }
        String folded = PartyRegistry.fold(attributes);
        for (Credit c : captionCredits) {
            if (folded.contains(PartyRegistry.fold(c.party()))) {
                return List.of(c);
            }
        }
        return List.of();
    }

    /** The lead picture's printed credit, or whether its printed credit names nobody. */
    private record Lead(Credit credit, boolean printedWithoutParty) {
    }

    private Credit credit(CaptionCredits.Found found, Evidence evidence, Boolean lead) {
        return new Credit("image", found.who(), evidence, !resolver.whole(found.who()).isEmpty(), lead);
    }

    /** The credit printed with the lead picture. */
    private Lead leadCredit(Element img, CaptionCredits captions) {
        boolean labelled = false;
        for (Element caption : captionsOf(img)) {
            String text = PageChrome.textWithoutControls(caption).strip();
            if (text.isEmpty()) {
                continue;
            }
            Optional<CaptionCredits.Found> f = creditElement(caption) || !resolver.whole(text).isEmpty()
                    ? captions.inCreditElement(text) : captions.inCaption(text);
            if (f.isPresent()) {
                return new Lead(credit(f.get(), Evidence.element(f.get().span(), HtmlPage.line(caption), "lead picture caption",
                        PageLines.path(caption)), true), false);
            }
            labelled |= captions.hasCreditLabel(text);
        }
        return new Lead(null, labelled);
    }

    /**
     * The lead picture: the first picture at the top of the article (before its fourth paragraph), one with a
     * caption first; else the page's og:image where the article shows it; else the article's first picture.
     */
    private static Element leadImage(Document doc, PageMetadata meta, ArticleLocator.Article article) {
        List<String> ogKeys = new ArrayList<>();
        for (MetaValue v : meta.meta("og:image", "og:image:url", "twitter:image")) {
            String k = fileKey(v.value());
            if (k != null) {
                ogKeys.add(k);
            }
        }
        Element headline = article.headline();
        Element scope = headline != null ? commonAncestor(headline, article.bodyFirst()) : article.body();
        if (scope == null || scope.normalName().equals("html") || scope.normalName().equals("body")) {
            scope = headline != null ? ArticleBlocks.headerOf(headline, article.bodyFirst()) : article.body();
        }
        int topEnd = topEnd(article);
        int headlineAt = headline != null && headline.sourceRange().isTracked() ? headline.sourceRange().startPos() : -1;
        Element top = null;
        Element topCaptioned = null;
        Element ogMatch = null;
        Element ogCaptioned = null;
        Element first = null;
        for (Element img : doc.select(Css.of("img"))) {
            if (!picture(img) || inTeaserList(img)) {
                continue;
            }
            int at = img.sourceRange().isTracked() ? img.sourceRange().startPos() : -1;
            // In the article's container, or standing just above its headline (a banner picture over the title).
            boolean inArticle = isInside(img, scope) || isInside(img, article.body())
                    || headlineAt >= 0 && at >= headlineAt - ABOVE_HEADLINE && at <= topEnd;
            boolean captioned = !captionsOf(img).isEmpty();
            if (inArticle) {
                int pos = img.sourceRange().isTracked() ? img.sourceRange().startPos() : Integer.MAX_VALUE;
                if (pos <= topEnd) {
                    top = top == null ? img : top;
                    topCaptioned = topCaptioned == null && captioned ? img : topCaptioned;
                }
                first = first == null ? img : first;
            }
            if (!ogKeys.isEmpty() && (ogKeys.contains(fileKey(src(img))) || matchesAny(img, ogKeys))) {
                ogMatch = ogMatch == null ? img : ogMatch;
                ogCaptioned = ogCaptioned == null && captioned ? img : ogCaptioned;
            }
        }
        if (top != null && topCaptioned != null && top != topCaptioned && Objects.equals(fileKey(src(top)), fileKey(src(topCaptioned)))) {
            return topCaptioned; // the same picture twice (a blurred backdrop, then the captioned figure)
        }
        for (Element e : new Element[] {top, ogCaptioned, ogMatch, first}) {
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** An image's address: its src, else the first candidate of its srcset or of its picture's sources. */
    private static String src(Element img) {
        for (String attr : new String[] {"src", "data-src", "data-original", "data-lazy-src"}) {
            String v = img.attr(attr).strip();
            if (!v.isEmpty() && !v.startsWith("data:")) {
                return v;
            }
        }
        for (String attr : new String[] {"srcset", "data-srcset"}) {
            String v = img.attr(attr).strip();
            if (!v.isEmpty() && !v.startsWith("data:")) {
                return v.split("\\s+")[0];
            }
        }
        Element picture = img.closest(Css.of("picture"));
        if (picture != null) {
            for (Element source : picture.select(Css.of("source"))) {
                for (String attr : new String[] {"srcset", "data-srcset", "src"}) {
                    String v = source.attr(attr).strip();
                    if (!v.isEmpty() && !v.startsWith("data:")) {
                        return v.split("\\s+")[0];
                    }
                }
            }
        }
        return "";
    }

    /** Where the top of the article ends: the start of its fourth body paragraph, else the end of the body. */
    private static int topEnd(ArticleLocator.Article article) {
        var paragraphs = article.body().select(Css.of("p"));
        int n = 0;
        for (Element p : paragraphs) {
            if (TextLength.longerThan(p, 39) && ++n == 4 && p.sourceRange().isTracked()) {
                return p.sourceRange().startPos();
            }
        }
        var end = article.bodyLast().endSourceRange();
        return end.isTracked() ? end.endPos() : Integer.MAX_VALUE;
    }

    /** How far above the headline (in characters of the page's source) a banner picture may stand. */
    private static final int ABOVE_HEADLINE = 6_000;

    /** A picture of a list of other stories (a teaser in a list item of several). */
    private static boolean inTeaserList(Element img) {
        Element li = img.closest(Css.of("li"));
        if (li != null && li.parent() != null && li.parent().children().size() >= 3 && !li.select(Css.of("a[href]")).isEmpty()) {
            return true;
        }
        // A linked picture with a linked heading beside it: an embedded teaser of another story.
        Element link = img.closest(Css.of("a[href]"));
        if (link != null) {
            Element box = img.closest(Css.of("figure")) != null ? img.closest(Css.of("figure")) : link.parent();
            for (int i = 0; i < 2 && box != null; i++, box = box.parent()) {
                if (!box.select(Css.of("h2 a[href], h3 a[href], h4 a[href], h5 a[href], a[href] h2, a[href] h3, a[href] h4, a[href] h5")).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAny(Element img, List<String> keys) {
        if (keys.isEmpty()) {
            return false;
        }
        for (String attr : new String[] {"data-src", "data-original", "data-lazy-src", "srcset", "data-srcset"}) {
            String v = img.attr(attr);
            if (!v.isEmpty()) {
                for (String part : v.split("[,\\s]+")) {
                    if (keys.contains(fileKey(part))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether an image is a picture of the story: not chrome, not a logo, an icon or an author's face. */
    static boolean picture(Element img) {
        for (Element p = img; p != null; p = p.parent()) {
            if (PageChrome.isChrome(p) || PageChrome.isSiteFooter(p)) {
                return false;
            }
        }
        for (Element p = img; p != null && p != img.parent().parent(); p = p.parent()) {
            if ((p.className() + " " + p.id()).toLowerCase(Locale.ROOT).contains("logo")) {
                return false; // "partnerarticlelogo", "site-logo"
            }
        }
        var dims = Rx.of("[?&](?:h|w|height|width)=(\\d{1,4})(?:&|$)").matcher(img.attr("src"));
        while (dims.find()) {
            if (Integer.parseInt(dims.group(1)) < 100) {
                return false; // "…?h=40&w=138": a logo or an icon
            }
        }
        int level = 0;
        for (Element p = img; p != null && level < 4; p = p.parent(), level++) {
            for (String w : ElementTokens.of(p)) {
                if (level < 4 && PEOPLE.contains(w) || level < 2 && NOT_PICTURE.contains(w) || level == 0 && NOT_PICTURE_ITSELF.contains(w)) {
                    return false;
                }
            }
        }
        for (String dim : new String[] {"width", "height"}) {
            String v = img.attr(dim).replaceAll("[^0-9]", "");
            if (!v.isEmpty() && v.length() < 6 && Integer.parseInt(v) < 100) {
                return false;
            }
        }
        String src = img.attr("src").toLowerCase(Locale.ROOT);
        if (img.closest(Css.of("noscript")) != null && img.parent() != null && img.parent().normalName().equals("noscript")
                && fileKey(src) == null) {
            return false; // a tracking pixel
        }
        for (String w : List.of("logo", "icon", "avatar", "sprite", "emoji", "pixel", "spacer", "blank", "scorecardresearch",
                "doubleclick", "analytics", "/tr?", "counter", "share", "sns_", "/btn", "button", "headshot")) {
            if (src.contains(w)) {
                return false;
            }
        }
        var size = Rx.of("[-_](\\d{2,4})x(\\d{2,4})\\.\\w+$").matcher(src.replaceAll("\\?.*$", ""));
        if (size.find() && Integer.parseInt(size.group(1)) < 150 && Integer.parseInt(size.group(2)) < 150) {
            return false; // a thumbnail or a face ("-100x100.jpg")
        }
        return !src.endsWith(".svg") && !src.endsWith(".gif") || !img.attr("data-src").isEmpty();
    }

    /**
     * Text printed with a picture, most specific first: credit and caption elements inside its figure (or the small
     * wrapper holding it and its caption), then the figure's caption, then caption or credit elements right after it.
     */
    private static List<Element> captionsOf(Element img) {
        List<Element> out = new ArrayList<>();
        Element figure = img.closest(Css.of("figure"));
        Element scope = figure;
        boolean wrapper = false;
        if (scope == null) {
            // A picture's wrapper: go up while it holds little more than the picture and its caption.
            scope = img;
            for (int i = 0; i < 4 && scope.parent() != null; i++) {
                Element p = scope.parent();
                if (p.normalName().equals("body") || TextLength.longerThan(p, 300) || p.select(Css.of("img")).size() > 2
                        || !p.select(Css.of("h1, h2, h3")).isEmpty()) {
                    break;
                }
                scope = p;
            }
            wrapper = scope != img;
        } else if (figure.parent() != null && figure.parent().select(Css.of("img")).size() <= 2 && !TextLength.longerThan(figure.parent(), 600)
                && figure.parent().select(Css.of("h1, h2")).isEmpty()) {
            // A caption set beside the figure ("<figure/><figcaption/><span class=author/>").
            scope = figure.parent();
        }
        List<Element> specific = new ArrayList<>();
        List<Element> general = new ArrayList<>();
        for (Element e : scope.getAllElements()) {
            if (e == scope && !wrapper || TextLength.isBlank(e) || TextLength.longerThan(e, 400) || !leafBlock(e)) {
                continue;
            }
            boolean named = e.normalName().equals("figcaption") || captionish(e) || e.parent() != null
                    && (e.parent().normalName().equals("figcaption") || captionish(e.parent()));
            (named ? specific : general).add(e);
        }
        out.addAll(specific);
        out.addAll(general);
        Element next = scope.nextElementSibling();
        for (int i = 0; i < 2 && next != null; i++, next = next.nextElementSibling()) {
            if (next.select(Css.of("img")).isEmpty() && !TextLength.longerThan(next, 300) && !TextLength.isBlank(next) && captionish(next)) {
                out.add(next);
            }
        }
        return out;
    }

    private static final Set<String> CAPTION_WORDS = Set.of("caption", "figcaption", "credit", "credits", "copyright", "legend",
            "legende", "legenda", "leyenda", "photographer", "fotografo", "fotograf", "source", "secondarytext", "description", "desc",
            "author", "autor", "didascalia", "bildunterschrift", "metadata");

    private static boolean captionish(Element e) {
        for (String w : ElementTokens.of(e)) {
            if (CAPTION_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** An element whose text is one line: no block element inside it (a caption, a credit span, a paragraph). */
    private static boolean leafBlock(Element e) {
        if (!e.select(Css.of("img, picture, video")).isEmpty() && !e.normalName().equals("figcaption")) {
            return false;
        }
        for (Element d : e.getAllElements()) {
            if (d != e && BLOCK_TAGS.contains(d.normalName())) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "figcaption", "figure", "section", "ul", "ol", "li", "table",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "header", "footer", "article", "aside", "nav");

    private static boolean creditElement(Element e) {
        int level = 0;
        for (Element p = e; p != null && level < 2; p = p.parent(), level++) {
            for (String w : ElementTokens.of(p)) {
                if (CREDIT_WORDS.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The file name of an address without query, size suffixes or extension, lower-cased; null when none. */
    static String fileKey(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        int slash = u.lastIndexOf('/');
        String name = u.substring(slash + 1).toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot); // "bielorrusia-1.r_d.800-478.jpeg" is "bielorrusia-1" resized
        }
        name = name.replaceAll("[-_]\\d{2,4}x\\d{2,4}$", "");
        return name.length() < 4 ? null : name;
    }

    private static Element commonAncestor(Element a, Element b) {
        for (Element p = a; p != null; p = p.parent()) {
            if (isInside(b, p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean isInside(Element e, Element ancestor) {
        if (ancestor == null) {
            return false;
        }
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
