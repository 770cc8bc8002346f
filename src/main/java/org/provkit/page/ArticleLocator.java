package org.provkit.page;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article on a page: the block of its body paragraphs and its headline. A scoring pass in the manner
 * of Arc90's Readability: every paragraph scores by its length and commas, its parent gets the score and its
 * grandparent half of it; an element's total is cut by the share of its text that is links; words of class and
 * id move it up (article, content, story) or down (sidebar, related, comment). Page chrome is never searched.
 * The headline is the heading whose words best match the page's title, standing before the body.
 */
public final class ArticleLocator {

    /**
     * Where the article stands.
     *
     * @param bodyFirst the first element of the body (the best-scoring block, or its first merged sibling)
     * @param bodyLast  the last element of the body
     * @param headline  the headline element, or null
     */
    public record Article(Element bodyFirst, Element bodyLast, Element headline) {

        /** The element holding the whole body. */
        public Element body() {
            return bodyFirst == bodyLast ? bodyFirst : bodyFirst.parent();
        }
    }

    static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "iframe", "select", "button",
            "textarea", "head", "object", "embed", "canvas", "map", "math");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "dd");
    private static final Set<String> DIV_LIKE = Set.of("div", "section", "article", "span", "font", "center", "main", "li");
    static final Set<String> BLOCKS = Set.of("p", "div", "table", "ul", "ol", "dl", "section", "article", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "figure", "header", "footer", "aside", "nav", "form", "main", "li", "tr",
            "td", "th", "figcaption", "address", "hr", "br", "dd", "dt", "tbody", "thead", "details", "summary", "fieldset");
    private static final Set<String> POSITIVE = Set.of("article", "articlebody", "body", "content", "entry", "hentry", "main",
            "page", "post", "text", "blog", "story", "artikel", "articolo", "noticia", "nota", "texto", "contenido", "conteudo",
            "materia", "corpo", "cuerpo", "testo", "inhalt", "detail", "news");
    private static final Set<String> NEGATIVE = Set.of("hidden", "banner", "combx", "comment", "comments", "contact", "foot",
            "footer", "footnote", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
            "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "nav", "menu", "teaser", "ad", "ads");

    /** A block needs this much paragraph score (two short paragraphs) to be the body, whatever its class says. */
    private static final double MIN_CONTENT = 6;
    /** Blocks scoring at least this share of the best one are all plausible bodies. */
    private static final double STRONG_SHARE = 0.5;
    private static final double HEADLINE_BLOCK_SHARE = 0.3;
    private static final double ENCLOSING_MARGIN = 1.25;
    /** Below this paragraph score the best block is looked for again without leaving out chrome by its words. */
    private static final double RETRY_CONTENT = 15;
    /** Text weight of the shortest paragraph. */
    private static final int MIN_PARAGRAPH = 25;

    private ArticleLocator() {
    }

    /**
     * Among the plausible bodies (not nested in a better one), the first to start after the headline: what follows
     * a headline is its article, while obituaries, most-read lists and sidebars come later, however long.
     */
    private static Element firstStrongAfter(Element headline, Element top, double best, List<Element> order,
            Map<Element, double[]> scores) {
        if (headline == null || !headline.sourceRange().isTracked()) {
            return top;
        }
        int from = headline.sourceRange().startPos();
        List<Element> strong = new ArrayList<>();
        for (Element e : order) {
            double[] s = scores.get(e);
            // A plausible body has several paragraphs: a long caption or standfirst right under the headline is none.
            // The block holding the title's headline needs less: a short story followed by a long one is still the story.
            double share = isAncestor(e, headline) ? HEADLINE_BLOCK_SHARE : STRONG_SHARE;
            if (s[2] >= Math.min(MIN_CONTENT, scores.get(top)[2]) && s[1] >= best * share && s[3] >= Math.min(3, scores.get(top)[3])) {
                strong.add(e);
            }
        }
        Element chosen = top;
        int chosenStart = Integer.MAX_VALUE;
        for (Element e : strong) {
            boolean nestedInBetter = false;
            for (Element o : strong) {
                // An enclosing block is better only by a clear margin: a page's wrapper collects a little from every story.
                if (o != e && (isAncestor(e, o) && scores.get(o)[1] > scores.get(e)[1]
                        || isAncestor(o, e) && scores.get(o)[1] > ENCLOSING_MARGIN * scores.get(e)[1])) {
                    nestedInBetter = true;
                    break;
                }
            }
            if (nestedInBetter || !e.sourceRange().isTracked()) {
                continue;
            }
            int start = e.sourceRange().startPos();
            if (start >= from && start < chosenStart || isAncestor(e, headline) && chosenStart == Integer.MAX_VALUE) {
                chosen = e;
                chosenStart = isAncestor(e, headline) ? from : start;
            }
        }
        return chosen;
    }

    /** The article, or null when the page holds no paragraph of text. */
    public static Article locate(Document doc, List<String> titleHints) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        Map<Element, int[]> sizes = sizes(body);
        Scoring strict = new Scoring(body, sizes, true);
        Scoring scoring = strict;
        if (strict.top == null || strict.content() < RETRY_CONTENT) {
            // Nothing much outside what looked like chrome: some sites name their main column "sidebar-1".
            Scoring relaxed = new Scoring(body, sizes, false);
            if (relaxed.top != null && (strict.top == null || relaxed.content() > 2 * strict.content())) {
                scoring = relaxed;
            }
        }
        if (scoring.top == null) {
            return null;
        }
        Element titleMatch = headline(doc, null, titleHints);
        Element top = firstStrongAfter(titleMatch, scoring.top, scoring.best, scoring.order, scoring.scores);
        Element[] range = mergeSiblings(top, scoring.scores.get(top)[1], scoring.scores, sizes);
        Element headline = headline(doc, range[0], titleHints);
        return new Article(range[0], range[1], headline);
    }

    /** One scoring pass: every candidate block with {initial score, final score, paragraph score}. */
    private static final class Scoring {
        final Map<Element, double[]> scores = new IdentityHashMap<>();
        final List<Element> order = new ArrayList<>();
        Element top;
        double best;

        Scoring(Element body, Map<Element, int[]> sizes, boolean skipChromeByWords) {
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (!(node instanceof Element e)) {
                        return FilterResult.SKIP_CHILDREN;
                    }
                    if (SKIPPED.contains(e.normalName()) || e != body && (PageChrome.isSiteFooter(e)
                            || (skipChromeByWords ? PageChrome.isChrome(e, true) : PageChrome.isChromeElement(e)))) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    scoreParagraph(e, sizes, scores, order);
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    return FilterResult.CONTINUE;
                }
            }, body);
            Element shortTop = null;
            double shortBest = 0;
            for (Element e : order) {
                double[] s = scores.get(e);
                int[] size = sizes.get(e);
                double linkDensity = size == null || size[0] == 0 ? 0 : (double) size[1] / size[0];
                s[1] = (s[0] + s[2]) * (1 - linkDensity);
                if (s[2] >= MIN_CONTENT && s[1] > best) {
                    best = s[1];
                    top = e;
                }
                if (s[2] > 0 && s[1] > shortBest) {
                    shortBest = s[1];
                    shortTop = e;
                }
            }
            if (top == null && shortTop != null) {
                // A wire item of one paragraph: the best block there is.
                top = shortTop;
                best = shortBest;
            }
        }

        double content() {
            return top == null ? 0 : scores.get(top)[2];
        }
    }

    /**
     * Text weight, link-text weight and commas (those of its whole {@link Element#text()}, skipped parts too) of
     * every element under {@code root}, in one pass.
     */
    static Map<Element, int[]> sizes(Element root) {
        Map<Element, int[]> sizes = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    sizes.put(e, new int[3]);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                Node parent = node.parent();
                int[] p = parent instanceof Element pe ? sizes.get(pe) : null;
                if (node instanceof TextNode t) {
                    if (p != null && !(parent instanceof Element pe && SKIPPED.contains(pe.normalName()))) {
                        int w = TextMeasure.weight(t.getWholeText());
                        p[0] += w;
                    }
                    if (p != null) {
                        p[2] += TextMeasure.commas(t.getWholeText());
                    }
                } else if (node instanceof Element e) {
                    int[] s = sizes.get(e);
                    if (SKIPPED.contains(e.normalName())) {
                        s[0] = 0;
                        s[1] = 0;
                    }
                    if (e.normalName().equals("a")) {
                        s[1] = s[0];
                    }
                    if (p != null) {
                        p[0] += s[0];
                        p[1] += s[1];
                        p[2] += s[2];
                    }
                }
            }
        }, root);
        return sizes;
    }

    private static void scoreParagraph(Element e, Map<Element, int[]> sizes, Map<Element, double[]> scores, List<Element> order) {
        String tag = e.normalName();
        int[] size = sizes.get(e);
        if (size == null || size[0] < MIN_PARAGRAPH) {
            return;
        }
        double score;
        int paragraphs = 1;
        if (PARAGRAPHS.contains(tag)) {
            if (size[1] * 2 > size[0]) {
                return;
            }
            score = paragraphScore(size[2], size[0]);
        } else if (DIV_LIKE.contains(tag)) {
            // A div holding text directly (between <br>s, or with only inline children) is a paragraph, or several.
            double[] own = ownTextScore(e, sizes);
            score = own[0];
            paragraphs = (int) own[1];
            if (score == 0) {
                return;
            }
        } else {
            return;
        }
        if (e.closest(Css.of("figcaption, figure")) != null) {
            return; // captions describe pictures, not the story
        }
        Element ancestor = PARAGRAPHS.contains(tag) ? e.parent() : e;
        double[] factors = {1, 0.5, 0.25};
        for (int level = 0; level < factors.length && ancestor != null; level++, ancestor = ancestor.parent()) {
            if (ancestor.normalName().equals("html")) {
                break;
            }
            double[] s = scores.get(ancestor);
            if (s == null) {
                s = new double[] {initialScore(ancestor), 0, 0, 0};
                scores.put(ancestor, s);
                order.add(ancestor);
            }
            s[2] += score * factors[level];
            s[3] += paragraphs;
        }
    }

    private static double paragraphScore(int commas, int weight) {
        return 1 + commas + Math.min(3, weight / 100.0);
    }

    /**
     * The score of the text a div holds itself, outside its block children: each run between line breaks (or
     * block children) is a paragraph.
     */
    private static double[] ownTextScore(Element e, Map<Element, int[]> sizes) {
        double total = 0;
        int count = 0;
        StringBuilder run = new StringBuilder();
        int runLinks = 0;
        for (Node child : e.childNodes()) {
            boolean boundary = child instanceof Element c && BLOCKS.contains(c.normalName());
            if (boundary) {
                double r = runScore(run, runLinks);
                total += r;
                count += r > 0 ? 1 : 0;
                run.setLength(0);
                runLinks = 0;
                continue;
            }
            if (child instanceof TextNode t) {
                run.append(t.getWholeText());
            } else if (child instanceof Element c && !SKIPPED.contains(c.normalName())) {
                String text = c.text();
                run.append(' ').append(text);
                int[] cs = sizes.get(c);
                if (cs != null) {
                    runLinks += cs[1];
                }
            }
        }
        double r = runScore(run, runLinks);
        return new double[] {total + r, count + (r > 0 ? 1 : 0)};
    }

    private static double runScore(CharSequence run, int links) {
        int weight = TextMeasure.weight(run);
        if (weight < MIN_PARAGRAPH || links * 2 > weight) {
            return 0;
        }
        return paragraphScore(TextMeasure.commas(run), weight);
    }

    private static double initialScore(Element e) {
        double s = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if ("articleBody".equalsIgnoreCase(e.attr("itemprop"))) {
            s += 40;
        }
        return s + classWeight(e);
    }

    private static int classWeight(Element e) {
        int w = 0;
        for (String attr : new String[] {"class", "id"}) {
            List<String> words = new ArrayList<>();
            ElementTokens.split(e.attr(attr), words);
            boolean neg = false;
            boolean pos = false;
            for (String word : words) {
                neg |= NEGATIVE.contains(word);
                pos |= POSITIVE.contains(word);
            }
            w += (pos ? 25 : 0) - (neg ? 25 : 0);
        }
        return w;
    }

    /**
     * The body as a run of siblings: the top block, and its siblings that score well too or are plain paragraphs
     * of text (an article split into a lead block and a body block).
     */
    private static Element[] mergeSiblings(Element top, double topScore, Map<Element, double[]> scores, Map<Element, int[]> sizes) {
        Element parent = top.parent();
        if (parent == null || top.normalName().equals("body")) {
            return new Element[] {top, top};
        }
        double threshold = Math.max(10, topScore * 0.2);
        Element first = top;
        Element last = top;
        List<Element> siblings = parent.children();
        int index = siblings.indexOf(top);
        // Advertising or a share bar between two parts of the body does not end it: skip what is chrome or empty.
        for (int i = index - 1; i >= 0; i--) {
            Element s = siblings.get(i);
            if (merges(s, threshold, scores, sizes)) {
                first = s;
            } else if (!skippable(s, sizes)) {
                break;
            }
        }
        for (int i = index + 1; i < siblings.size(); i++) {
            Element s = siblings.get(i);
            if (startsAStory(s)) {
                break;
            }
            if (merges(s, threshold, scores, sizes)) {
                last = s;
            } else if (!skippable(s, sizes)) {
                break;
            }
        }
        return new Element[] {first, last};
    }

    /** A block that opens with its own title (an h1 or h2 first inside it): the next story, not more of this one. */
    private static boolean startsAStory(Element s) {
        if (s.normalName().equals("p") || s.normalName().startsWith("h")) {
            return false;
        }
        Element first = s.firstElementChild();
        while (first != null && !first.normalName().matches("h[1-6]") && first.children().size() == 1 && first.ownText().isBlank()) {
            first = first.firstElementChild();
        }
        return first != null && (first.normalName().equals("h1") || first.normalName().equals("h2"));
    }

    private static boolean skippable(Element s, Map<Element, int[]> sizes) {
        int[] size = sizes.get(s);
        return PageChrome.isChrome(s) || SKIPPED.contains(s.normalName()) || size == null || size[0] < 40;
    }

    private static boolean merges(Element s, double threshold, Map<Element, double[]> scores, Map<Element, int[]> sizes) {
        if (PageChrome.isChrome(s) || SKIPPED.contains(s.normalName())) {
            return false;
        }
        double[] score = scores.get(s);
        if (score != null && score[1] >= threshold) {
            return true;
        }
        int[] size = sizes.get(s);
        return s.normalName().equals("p") && size != null && size[0] >= 80 && size[1] * 4 < size[0];
    }

    /** The heading that best matches the title, before the body; else the last h1 before the body. */
    static Element headline(Document doc, Element bodyFirst, List<String> titleHints) {
        List<Set<String>> hints = new ArrayList<>();
        for (String h : titleHints) {
            if (h != null && !h.isBlank()) {
                hints.add(words(h));
            }
        }
        Element best = null;
        double bestScore = 0;
        Element lastH1Before = null;
        for (Element e : doc.select(Css.of("h1, h2, h3, [itemprop=headline], [class*=headline], [class*=title], [class*=tit], [id*=title], [class*=heading]"))) {
            if (e.closest(Css.of("nav, aside, footer, header nav")) != null || TextLength.longerThan(e, 400) || TextLength.isBlank(e)) {
                continue;
            }
            boolean before = bodyFirst == null || !e.sourceRange().isTracked() || !bodyFirst.sourceRange().isTracked()
                    || e.sourceRange().startPos() <= bodyFirst.sourceRange().startPos() || isAncestor(bodyFirst, e);
            if (e.normalName().equals("h1") && before) {
                lastH1Before = e;
            }
            Set<String> w = words(e.text());
            if (w.size() < 2 && e.text().length() < 6) {
                continue;
            }
            for (Set<String> hint : hints) {
                int common = 0;
                for (String x : w) {
                    if (hint.contains(x)) {
                        common++;
                    }
                }
                // Most of the heading's words are the title's, and it says most of the title: a site name heading
                // ("SAT.1 REGIONAL") or a section label shares words with the title but covers little of it.
                double precision = (double) common / w.size();
                double coverage = Math.min(1, (double) common / Math.max(1, hint.size()) / 0.8);
                double score = precision * Math.sqrt(coverage);
                if (!e.normalName().startsWith("h")) {
                    score -= 0.05;
                } else if (e.normalName().equals("h1")) {
                    score += 0.03;
                }
                if (!before) {
                    score -= 0.5;
                }
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = e;
                }
            }
        }
        if (best != null && bestScore >= 0.5) {
            return best;
        }
        return lastH1Before;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Folded words of a text; for scripts without spaces, pairs of characters. */
    public static Set<String> words(String text) {
        // NFKD then NFC: accents go, Hangul syllables (which NFKD splits into jamo) come back whole.
        String folded = Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", ""),
                Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        StringBuilder word = new StringBuilder();
        char prevCjk = 0;
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (TextMeasure.isCjk(c)) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (prevCjk != 0) {
                    out.add("" + prevCjk + c);
                }
                prevCjk = c;
                continue;
            }
            prevCjk = 0;
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        return out;
    }
}
