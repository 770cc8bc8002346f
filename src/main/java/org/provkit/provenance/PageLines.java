package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.provkit.page.Block;
import org.provkit.page.Css;
import org.provkit.page.ElementTokens;
import org.provkit.page.TextLength;

/**
 * The article's blocks as lines for the attribution and credit rules: what surrounds each (a picture's caption, a
 * byline element), and where it stands (before the headline, in the head, the body's first or last lines, after
 * the body). A label standing alone ({@code Źródło:} in a {@code <dt>}) is joined to the value that follows it.
 */
final class PageLines {

    /** Words of class and id (and tags) of what describes a picture. */
    private static final Set<String> CAPTION_WORDS = Set.of("caption", "captions", "figcaption", "legend", "legende", "legenda",
            "leyenda", "didascalia", "bildunterschrift", "bildtext", "photo", "photos", "foto", "fotos", "image", "images", "img",
            "picture", "pic", "bild", "imagen", "imagem", "gallery", "galeria", "imagecredit", "photocredit", "photographer",
            "fotografo", "fotograf", "figure", "kuvateksti", "kep", "zdjecie");
    /** Words of class and id of an element that names who wrote or supplied the text. */
    private static final Set<String> BYLINE_WORDS = Set.of("byline", "bylines", "author", "authors", "autor", "autores", "autori",
            "auteur", "auteurs", "autore", "firma", "firmas", "signature", "writer", "writers", "reporter", "reporters", "creator",
            "by", "source", "sources", "fuente", "fuentes", "fonte", "fontes", "quelle", "quellen", "origen", "origin", "agency",
            "agencia", "agencias", "provider", "credit", "credits", "credito", "creditos", "complemento", "publisher", "signed",
            "kicker", "dateline", "servicename", "service", "copyright", "attribution", "zrodlo");
    private static final Pattern LABEL_ONLY = Pattern.compile(
            "(?iu)^(?:by|por|par|von|door|di|av|af|od|przez|autor|autora|autores|author|authors|auteur|auteurs|autore|fuente|fuentes"
                    + "|source|sources|quelle|quellen|fonte|fontes|źródło|źródła|zdroj|zdroje|bron|forr[aá]s|l[aá]hde|kilde|källa|kaynak"
                    + "|foto|fotos|photo|photos|bild|beeld|image|imagen|imagem|credit|cr[ée]dit|cr[ée]dito|写真|사진|来源|來源|出典|출처)"
                    + "\\s*[:：]?$");
    private static final int MAX_CONTEXT_LEVELS = 6;
    private static final Pattern CREDIT_LABEL = Pattern.compile(
            "(?iu)^\\W*(?:quelle|source|fuente|fonte|foto|fotó|photo|bild|beeld|image|imagen|credit|crédit|crédito|©|źródło|zdroj|kuva)\\b");

    /**
     * One line.
     *
     * @param text        the text (a lone label joined to its value)
     * @param block       the block it came from (the value's block for joined labels)
     * @param caption     whether it stands in a picture's figure or caption
     * @param byline      whether it stands in an element named for a byline, author, source or credit
     * @param bodyIndex   for body lines, how many body lines (captions left out) come before it; else -1
     * @param fromBodyEnd for body lines, how many come after it; else -1
     */
    record Line(String text, Block block, boolean caption, boolean byline, int bodyIndex, int fromBodyEnd) {

        Block.Region region() {
            return block.region();
        }

        /** The body's first lines: where datelines and bylines stand. */
        boolean bodyStart(int n) {
            return bodyIndex >= 0 && bodyIndex < n;
        }

        /** The body's last lines: where closing credits and source lines stand. */
        boolean bodyEnd(int n) {
            return fromBodyEnd >= 0 && fromBodyEnd < n;
        }

        Evidence evidence(String span, String rule) {
            return Evidence.element(span, block.line(), rule, path(block.element()));
        }
    }

    private PageLines() {
    }

    static List<Line> of(List<Block> blocks) {
        List<Line> raw = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String text = b.text();
            if (i + 1 < blocks.size() && text.length() <= 30 && LABEL_ONLY.matcher(text).matches()
                    && blocks.get(i + 1).region() == b.region()) {
                Block next = blocks.get(++i);
                String sep = text.endsWith(":") || text.endsWith("：") ? " " : ": ";
                text = text + sep + next.text();
                b = next;
            }
            boolean[] context = context(b.element());
            raw.add(new Line(text, b, context[0], !context[0] && context[1], -1, -1));
        }
        // A short source or credit line right under a caption belongs to that picture ("Liveblog" / "Quelle: dpa").
        for (int i = 1; i < raw.size(); i++) {
            Line l = raw.get(i);
            if (!l.caption() && raw.get(i - 1).caption() && l.text().length() <= 60 && CREDIT_LABEL.matcher(l.text()).find()
                    && sameBox(raw.get(i - 1).block().element(), l.block().element())) {
                raw.set(i, new Line(l.text(), l.block(), true, false, -1, -1));
            }
        }
        int bodyLines = 0;
        for (Line l : raw) {
            if (l.region() == Block.Region.BODY && !l.caption()) {
                bodyLines++;
            }
        }
        List<Line> out = new ArrayList<>(raw.size());
        int seen = 0;
        for (Line l : raw) {
            if (l.region() == Block.Region.BODY && !l.caption()) {
                out.add(new Line(l.text(), l.block(), false, l.byline(), seen, bodyLines - 1 - seen));
                seen++;
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** Whether two elements stand in one small box (a teaser, a picture's frame): their common ancestor is close. */
    private static boolean sameBox(Element a, Element b) {
        int level = 0;
        for (Element p = a; p != null && level <= 3; p = p.parent(), level++) {
            String tag = p.normalName();
            if (tag.equals("body") || tag.equals("article") || tag.equals("main")) {
                return false;
            }
            for (Element q = b; q != null; q = q.parent()) {
                if (q == p) {
                    return !TextLength.longerThan(p, 400);
                }
            }
        }
        return false;
    }

    /** {caption, byline} from the element and its ancestors. */
    private static boolean[] context(Element e) {
        boolean caption = false;
        boolean byline = false;
        int level = 0;
        for (Element p = e; p != null && level < MAX_CONTEXT_LEVELS; p = p.parent(), level++) {
            String tag = p.normalName();
            if (tag.equals("body") || tag.equals("article") || tag.equals("main")
                    || level > 0 && (TextLength.longerThan(p, 600) || !p.select(Css.of("h1, h2")).isEmpty())) {
                break; // what holds the headline or much text is no picture's caption
            }
            if (tag.equals("figure") || tag.equals("figcaption")) {
                caption = true;
                break;
            }
            if (!byline && level <= 1 && !TextLength.longerThan(p, 300) && p.select(Css.of("img")).stream().anyMatch(PageCredits::picture)) {
                caption = true; // text set right beside a picture, in the box that holds it
                break;
            }
            List<String> words = ElementTokens.of(p);
            for (String w : words) {
                if (CAPTION_WORDS.contains(w)) {
                    caption = true;
                } else if (BYLINE_WORDS.contains(w)) {
                    byline = true;
                }
            }
            if (caption) {
                break;
            }
            if (tag.equals("address") || "author".equalsIgnoreCase(p.attr("itemprop")) || p.attr("rel").toLowerCase(Locale.ROOT).contains("author")) {
                byline = true;
            }
        }
        return new boolean[] {caption, byline};
    }

    /** A CSS selector of the element: its id when it has one, else tags and first classes up to an id (at most five steps). */
    static String path(Element e) {
        if (e == null) {
            return null;
        }
        List<String> steps = new ArrayList<>();
        for (Element p = e; p != null && steps.size() < 5; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("html") || tag.equals("#root")) {
                break;
            }
            if (!p.id().isBlank() && !p.id().contains(" ")) {
                steps.add(0, "#" + p.id());
                break;
            }
            String step = tag;
            String cls = p.className().strip();
            if (!cls.isEmpty()) {
                String first = cls.split("\\s+")[0];
                if (first.matches("[A-Za-z_][\\w-]*")) {
                    step += "." + first;
                }
            }
            Element parent = p.parent();
            if (parent != null && parent.children().size() > 1) {
                int same = 0;
                int index = 0;
                for (Element sib : parent.children()) {
                    if (sib.normalName().equals(tag)) {
                        same++;
                        if (sib == p) {
                            index = same;
                        }
                    }
                }
                if (same > 1) {
                    step += ":nth-of-type(" + index + ")";
                }
            }
            steps.add(0, step);
            if (tag.equals("body")) {
                break;
            }
        }
        return String.join(" > ", steps);
    }
}
