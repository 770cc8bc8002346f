package org.provkit.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The article as lines: every block of text from the headline to the end of the body, and the few blocks right
 * after it, leaving out page chrome (navigation, sidebars, related lists, sharing, advertising) and lists of
 * links.
 */
public final class ArticleBlocks {

    /** Blocks after the body that may still belong to the article (closing credits, source lines). */
    static final int MAX_TAIL_BLOCKS = 10;
    static final int MAX_TAIL_WEIGHT = 1000;
    /** Words of an author's biography box: it describes the writer, it credits no source, and it is skipped. */
    private static final Set<String> BIO_WORDS = Set.of("bio", "biography", "authorprofile", "authorbio", "aboutauthor", "authorinfo",
            "authordescription");
    /** Blocks before the headline, inside its article's header, that may belong to the article. */
    static final int MAX_PRE_BLOCKS = 6;
    static final int MAX_PRE_WEIGHT = 400;
    /** Shorter than this, a run of links is a byline or a credit line, not a list of other stories. */
    static final int MIN_LINK_LIST_WEIGHT = 120;
    private static final Set<String> TAIL_STOPS = Set.of("h1", "h2", "h3", "h4");

    private ArticleBlocks() {
    }

    public static List<Block> of(ArticleLocator.Article article) {
        if (article == null) {
            return List.of();
        }
        Element start = article.headline() != null && precedes(article.headline(), article.bodyFirst())
                ? article.headline() : article.bodyFirst();
        Element root = article.bodyFirst().ownerDocument() == null ? article.bodyFirst() : article.bodyFirst().ownerDocument().body();
        Set<Element> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : new Element[] {start, article.bodyFirst(), article.bodyLast()}) {
            for (Element p = e; p != null; p = p.parent()) {
                keep.add(p);
            }
        }
        Map<Element, int[]> sizes = ArticleLocator.sizes(root);
        Element preRoot = start == article.headline() ? headerOf(start, article.bodyFirst()) : null;
        Builder b = new Builder(start, article.bodyFirst(), article.bodyLast(), keep, sizes, preRoot);
        NodeTraversor.filter(b, root);
        b.flush();
        return b.blocks;
    }

    /**
     * The element whose text before the headline still belongs to the article: the smallest ancestor of the
     * headline that also holds the body, unless that is the whole page; then the headline's grandparent.
     */
    public static Element headerOf(Element headline, Element body) {
        Element common = headline;
        while (common != null && !isAncestorOrSelf(common, body)) {
            common = common.parent();
        }
        if (common == null || common.normalName().equals("body") || common.normalName().equals("html")) {
            Element p = headline.parent();
            return p != null && p.parent() != null && !p.parent().normalName().equals("body") ? p.parent() : p;
        }
        return common;
    }

    private static boolean isAncestorOrSelf(Element ancestor, Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} starts before {@code b} in the page. */
    static boolean precedes(Element a, Element b) {
        var ra = a.sourceRange();
        var rb = b.sourceRange();
        if (ra.isTracked() && rb.isTracked()) {
            return ra.startPos() < rb.startPos();
        }
        return false;
    }

    private static final class Builder implements NodeFilter {
        private final Element start;
        private final Element bodyFirst;
        private final Element bodyLast;
        private final Set<Element> keep;
        private final Map<Element, int[]> sizes;
        private final Element preRoot;
        private int insidePreRoot;
        private final java.util.ArrayDeque<Block> pre = new java.util.ArrayDeque<>();
        final List<Block> blocks = new ArrayList<>();
        private Block.Region region;
        private boolean done;
        private int tailBlocks;
        private int tailWeight;
        private final StringBuilder text = new StringBuilder();
        private Element blockElement;
        private Integer blockLine;
        private int linkWeight;
        private Element lastTextParent;

        Builder(Element start, Element bodyFirst, Element bodyLast, Set<Element> keep, Map<Element, int[]> sizes,
                Element preRoot) {
            this.preRoot = preRoot;
            this.start = start;
            this.bodyFirst = bodyFirst;
            this.bodyLast = bodyLast;
            this.keep = keep;
            this.sizes = sizes;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (done) {
                return FilterResult.STOP;
            }
            if (node instanceof Element e) {
                if (e == preRoot) {
                    insidePreRoot++;
                }
                if (e == start && region == null) {
                    flush();
                    emitPre();
                    region = e == bodyFirst ? Block.Region.BODY : Block.Region.HEAD;
                } else if (e == bodyFirst) {
                    flush();
                    region = Block.Region.BODY;
                }
                String tag = e.normalName();
                if (ArticleLocator.SKIPPED.contains(tag) || PageChrome.isControl(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!keep.contains(e) && (PageChrome.isChrome(e) || PageChrome.isSiteFooter(e))) {
                    if (region == null) {
                        flush();
                    }
                    if (region == Block.Region.TAIL) {
                        done = true;
                        return FilterResult.STOP;
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (region == Block.Region.TAIL && isBio(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (region != null && !keep.contains(e) && isLinkList(e)) {
                    if (region == Block.Region.TAIL) {
                        done = true;
                        return FilterResult.STOP;
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (region == Block.Region.TAIL && TAIL_STOPS.contains(tag)) {
                    done = true;
                    return FilterResult.STOP;
                }
                if (ArticleLocator.BLOCKS.contains(tag)) {
                    flush();
                }
                return FilterResult.CONTINUE;
            }
            if ((region != null || insidePreRoot > 0) && node instanceof TextNode t) {
                String s = t.getWholeText();
                if (!s.isBlank()) {
                    if (text.length() == 0) {
                        blockElement = blockOf(t);
                        blockLine = HtmlPage.line(t);
                    } else if (t.parent() != lastTextParent && !Character.isWhitespace(text.charAt(text.length() - 1))
                            && !Character.isWhitespace(s.charAt(0)) && separateElements(lastTextParent, t.parent())) {
                        // Two inline elements side by side ("<span>BNS</span><span>2020.10.26</span>") read as two words.
                        text.append(' ');
                    }
                    lastTextParent = t.parent();
                    appendCollapsed(s);
                    if (insideLink(t)) {
                        linkWeight += TextMeasure.weight(s);
                    }
                } else if (text.length() > 0 && !s.isEmpty()) {
                    text.append(' ');
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (done) {
                return FilterResult.STOP;
            }
            if (node instanceof Element e) {
                if (ArticleLocator.BLOCKS.contains(e.normalName())) {
                    flush();
                }
                if (e == preRoot) {
                    flush();
                    insidePreRoot--;
                }
                if (e == bodyLast) {
                    flush();
                    region = Block.Region.TAIL;
                }
            }
            return FilterResult.CONTINUE;
        }

        private static boolean isBio(Element e) {
            List<String> words = ElementTokens.of(e);
            for (int i = 0; i < words.size(); i++) {
                if (BIO_WORDS.contains(words.get(i))
                        || i + 1 < words.size() && BIO_WORDS.contains(words.get(i) + words.get(i + 1))) {
                    return true;
                }
            }
            return false;
        }

        /** A list of links to other pages (teasers, tags, menus); a byline box with its author links is none. */
        private boolean isLinkList(Element e) {
            int[] size = sizes.get(e);
            if (size == null || size[0] < MIN_LINK_LIST_WEIGHT || size[1] * 10 < size[0] * 6) {
                return false;
            }
            return e.select(Css.of("a[href]")).size() >= 3 && !PageChrome.holdsByline(e);
        }

        private void appendCollapsed(String s) {
            boolean space = text.length() > 0 && text.charAt(text.length() - 1) == ' ';
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c <= ' ' ? Character.isWhitespace(c) : c >= 0x80 && (c == '\u00a0' || Character.isWhitespace(c))) {
                    if (!space && text.length() > 0) {
                        text.append(' ');
                        space = true;
                    }
                } else {
                    text.append(c);
                    space = false;
                }
            }
        }

        private void emitPre() {
            List<Block> kept = new ArrayList<>();
            int weight = 0;
            for (var it = pre.descendingIterator(); it.hasNext();) {
                Block p = it.next();
                weight += p.weight();
                if (weight > MAX_PRE_WEIGHT) {
                    break;
                }
                kept.add(0, p);
            }
            blocks.addAll(kept);
            pre.clear();
        }

        void flush() {
            String t = text.toString().strip();
            if (!t.isEmpty() && region == null && insidePreRoot > 0) {
                int weight = TextMeasure.weight(t);
                pre.addLast(new Block(t, blockElement, blockLine, Block.Region.PRE, Math.min(linkWeight, weight), weight));
                while (pre.size() > MAX_PRE_BLOCKS) {
                    pre.removeFirst();
                }
            } else if (!t.isEmpty() && region != null) {
                int weight = TextMeasure.weight(t);
                blocks.add(new Block(t, blockElement, blockLine, region, Math.min(linkWeight, weight), weight));
                if (region == Block.Region.TAIL) {
                    tailBlocks++;
                    tailWeight += weight;
                    if (tailBlocks >= MAX_TAIL_BLOCKS || tailWeight >= MAX_TAIL_WEIGHT) {
                        done = true;
                    }
                }
            }
            text.setLength(0);
            blockElement = null;
            blockLine = null;
            linkWeight = 0;
        }

        /** Text of sibling elements (not of an element and its own emphasis) is set apart. */
        private static boolean separateElements(Element a, Element b) {
            if (a == null || b == null) {
                return false;
            }
            for (Element p = b; p != null; p = p.parent()) {
                if (p == a) {
                    return false; // b inside a: "<a>Agencia <b>Efe</b></a>"
                }
            }
            for (Element p = a; p != null; p = p.parent()) {
                if (p == b) {
                    return false;
                }
            }
            String ta = a.normalName();
            String tb = b.normalName();
            return !(INLINE_EMPHASIS.contains(ta) || INLINE_EMPHASIS.contains(tb));
        }

        private static final Set<String> INLINE_EMPHASIS = Set.of("b", "i", "em", "strong", "u", "sup", "sub", "mark", "small", "abbr");

        private static Element blockOf(TextNode t) {
            Element p = t.parent();
            Element inner = p;
            while (p != null && !ArticleLocator.BLOCKS.contains(p.normalName())) {
                p = p.parent();
            }
            return p != null ? p : inner;
        }

        private static boolean insideLink(TextNode t) {
            for (Element e = t.parent(); e != null; e = e.parent()) {
                if (e.normalName().equals("a")) {
                    return true;
                }
                if (ArticleLocator.BLOCKS.contains(e.normalName())) {
                    return false;
                }
            }
            return false;
        }
    }
}
