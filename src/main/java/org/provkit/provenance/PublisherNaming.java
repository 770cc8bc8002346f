package org.provkit.provenance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.provkit.page.ArticleLocator;
import org.provkit.page.Css;
import org.provkit.page.ElementTokens;
import org.provkit.page.HtmlPage;
import org.provkit.page.JsonLd;
import org.provkit.page.MetaValue;
import org.provkit.page.PageMetadata;

/**
 * Names the publisher of a page the way it names itself. Every place a site names itself is a candidate —
 * {@code og:site_name}, JSON-LD {@code publisher}, {@code application-name}, the title's brand segment, the site's
 * copyright line, its logo, {@code twitter:site}, the host — and names that differ only by a domain ending, a
 * legal form, an edition or a section ("Globalnews.ca", "The Irish Times DAC", "VnExpress Kinh doanh") are one
 * publisher. The publisher most places agree on wins, and is named in the form most places write. A host name
 * ({@code tdg.ch}) is only a last resort; a tagline ({@code The Tico Times | Costa Rica News}) and a section
 * ({@code og:site_name} "Economia" on iG) are no name.
 */
final class PublisherNaming {

    /** The publisher: its name, its registry entry if any, every form it was written in, and the evidence. */
    record Publisher(String name, Party party, List<String> forms, List<Evidence> evidence) {
    }

    /** One place naming the site. Lower priority numbers are what a reader sees first. */
    private record Candidate(String form, double weight, int priority, boolean hostLike, Party party, Evidence evidence) {
    }

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—·•»«:]+\\s+|\\s+-\\s+|\\s*[|｜]\\s*|\\s*_\\s*|\\s+::\\s+|\\s*-\\s*(?=\\p{IsHan})|(?<=\\p{IsHan})\\s*-\\s*");
    private static final Pattern TAGLINE_SEPARATOR = Pattern.compile("\\s*[|｜–—·•:]\\s*|\\s+-\\s+");
    private static final Pattern HOST_LIKE = Pattern.compile("(?:https?://)?(?:www\\.)?[a-z0-9][a-z0-9.-]*\\.[a-z]{2,}/?");
    private static final Pattern TLD = Pattern.compile("(?i)\\.(?:com|net|org|info|[a-z]{2}|co\\.[a-z]{2}|com\\.[a-z]{2})/?$");
    // "copyright" spelled out names a holder only before ©, a year or "by": "Copyright Policy" is a link.
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?iu)(?:(?:©|ⓒ|\\(c\\))(?:\\s*copyright)?\\s*|copyright(?=\\s*(?:©|ⓒ|\\(c\\)|\\d{4}|by\\s))\\s*)+(?:by\\s+)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{0,4})?\\s*[,.]?\\s*)?(?<who>[^©ⓒ|]{2,100})");
    private static final Pattern COPYRIGHT_CJK = Pattern.compile("(?<who>[^\\s：:，,。]{2,20})\\s*(?:版权所有|版權所有)|(?:版权所有|版權所有)\\s*[：:]\\s*(?<who2>[^\\s，,。]{2,20})");
    private static final Pattern QUOTED = Pattern.compile("[«“\"„]([^«»“”\"„]{2,40})[»”\"“]");
    private static final Set<String> LOGO_WORDS = Set.of("logo", "brand", "masthead", "sitename", "sitetitle", "navbar", "header");

    private final PartyResolver resolver;

    PublisherNaming(PartyResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @param headline    the article's headline (to find the title's brand segment), or null
     * @param articleText elements of the article itself: copyright lines there are the article's, not the site's
     * @param hosts       the page's canonical host first, then its og:url host (either may be null)
     * @param bylines     names the article's bylines give (a byline naming the site itself supports that form)
     */
    Optional<Publisher> name(Document doc, PageMetadata meta, String headline, Set<Element> articleText, List<String> hosts,
            List<String> bylines) {
        List<Candidate> all = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        Candidate pending = titleBrand(doc, meta, headline, all, sections);
        for (MetaValue v : meta.meta("og:site_name")) {
            String name = TAGLINE_SEPARATOR.split(v.value())[0].strip();
            if (!sections.contains(fold(name))) {
                add(all, name, 3, 5, Evidence.markup(v.value(), v.line(), "og:site_name"));
            }
        }
        for (JsonLd.Node a : meta.jsonLd().articles()) {
            for (MetaValue v : meta.jsonLd().names(a, "publisher")) {
                if (v.kind() != MetaValue.Kind.PERSON) {
                    // "Freie Presse - Chemnitzer Verlag und Druck GmbH & Co. KG": the publication, then its company.
                    String name = Rx.of("\\s+[-–—|]\\s+.*$").matcher(v.value()).replaceFirst("");
                    add(all, OrgNames.withoutLegalForm(name), OrgNames.hasLegalForm(name) ? 1.5 : 3, 6,
                            Evidence.markup(v.value(), v.line(), "json-ld publisher"));
                }
            }
            for (MetaValue v : meta.jsonLd().names(a, "author")) {
                if (v.kind() == MetaValue.Kind.ORGANIZATION) {
                    add(all, v.value(), 1, 8, Evidence.markup(v.value(), v.line(), v.field()));
                }
            }
        }
        for (MetaValue v : meta.microdata("publisher")) {
            add(all, v.value(), 2, 6, Evidence.markup(v.value(), v.line(), v.field()));
        }
        for (MetaValue v : meta.meta("application-name", "apple-mobile-web-app-title")) {
            String name = Normalizer.normalize(TAGLINE_SEPARATOR.split(v.value())[0].strip(), Normalizer.Form.NFKC);
            if (!sections.contains(fold(name))) {
                add(all, name, 1.5, 7, Evidence.markup(v.value(), v.line(), v.field()));
            }
        }
        for (MetaValue v : meta.meta("twitter:site")) {
            String handle = v.value().strip();
            boolean at = handle.startsWith("@");
            add(all, at ? handle.substring(1) : handle, at ? 0.5 : 1.5, 8, Evidence.markup(v.value(), v.line(), "twitter:site"));
        }
        for (MetaValue v : meta.meta("article:author", "og:article:author")) {
            for (String part : v.value().split("\\s*[|｜]\\s*")) {
                if (!part.isBlank() && !AssetRules.isExternal(part) && !OrgNames.personLike(part)) {
                    add(all, part.strip(), 1, 8, Evidence.markup(v.value(), v.line(), v.field()));
                }
            }
        }
        for (MetaValue v : meta.meta("publisher", "dc.publisher", "dcterms.publisher", "copyright", "author")) {
            if (!AssetRules.isExternal(v.value()) && !OrgNames.personLike(v.value()) && v.value().length() <= 60) {
                String name = OrgNames.withoutLegalForm(OrgNames.withoutRights(v.value()));
                add(all, name, OrgNames.hasLegalForm(v.value()) ? 0.5 : 1, 8, Evidence.markup(v.value(), v.line(), v.field()));
            }
        }
        for (JsonLd.Node o : meta.jsonLd().ofType(JsonLd.organizationTypes())) {
            String name = JsonLd.text(o.json().get("name"));
            if (name != null && meta.jsonLd().articles().stream().noneMatch(a -> a.json() == o.json())) {
                add(all, OrgNames.withoutLegalForm(name), 1, 9, Evidence.markup(name, o.line(), "json-ld " + JsonLd.text(o.json().get("@type"))));
            }
        }
        copyrightLines(doc, articleText, all);
        logo(doc, all);
        for (String b : bylines) {
            if (!OrgNames.personLike(b)) {
                add(all, b, 0, 2, Evidence.markup(b, null, "byline"));
            }
        }
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            if (host == null) {
                continue;
            }
            Evidence ev = Evidence.markup(host, null, i == 0 ? "url host" : "og:url host");
            Optional<Party> registered = resolver.registry().byHost(host);
            if (registered.isPresent()) {
                all.add(new Candidate(registered.get().name(), i == 0 ? 1.5 : 1, 10, false, registered.get(), ev));
            }
            all.add(new Candidate(Urls.domainOfHost(host), i == 0 ? 0.5 : 0.25, 11, true, null, ev));
        }
        if (pending != null && all.stream().anyMatch(c -> !c.hostLike() && sameName(c.form(), pending.form()))) {
            add(all, pending.form(), 2, 2, pending.evidence());
        }
        return choose(all);
    }

    private void add(List<Candidate> all, String form, double weight, int priority, Evidence ev) {
        String f = clean(form);
        if (f == null) {
            return;
        }
        boolean hostLike = HOST_LIKE.matcher(f).matches() && f.equals(f.toLowerCase(Locale.ROOT));
        Party party = resolver.registry().byNameOrCode(f).orElse(null);
        all.add(new Candidate(f, weight, priority, hostLike, party, ev));
    }

    private static String clean(String form) {
        if (form == null) {
            return null;
        }
        String f = Normalizer.normalize(org.jsoup.parser.Parser.unescapeEntities(form, false), Normalizer.Form.NFKC).strip();
        Matcher quoted = QUOTED.matcher(f);
        if (quoted.find() && quoted.group(1).strip().length() >= 2) {
            f = quoted.group(1).strip(); // 'Газета «Коммерсантъ»', 'Информационное агентство "УНН"': the name in quotes
        }
        f = Rx.of("^[\\s\"“«'‘@]+|[\\s\"”»'’.,;:|/]+$").matcher(f).replaceAll("").strip();
        f = Rx.of("(?iu)^(?:by|par|por|von|door|di|de|przez)\\s+").matcher(f).replaceFirst("").strip();
        if (f.length() < 2 || f.length() > 60 || OrgNames.generic(f) || !f.codePoints().anyMatch(Character::isLetter)
                || Rx.of("\\d{1,2}[:.]\\d{2}|\\b(?:19|20)\\d{2}\\b").matcher(f).find() && !f.matches(".*\\p{L}{3,}\\d.*")) {
            return null; // a date or a time is no name
        }
        return f;
    }

    /**
     * The title's brand: the outermost segment that is not the headline, a section or a tagline. Returns a segment
     * that is the brand only if another place names the site so too, or null.
     */
    private Candidate titleBrand(Document doc, PageMetadata meta, String headline, List<Candidate> all, List<String> sections) {
        Element titleEl = doc.selectFirst(Css.of("head > title, title"));
        String title = titleEl == null ? null : titleEl.text().strip();
        if (title == null || title.isEmpty()) {
            return null;
        }
        List<String> hints = new ArrayList<>();
        if (headline != null) {
            hints.add(headline);
        }
        meta.meta("og:title", "twitter:title").forEach(v -> hints.add(v.value()));
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return null;
        }
        // The headline is the run of segments most like the hints: find where it ends (or starts).
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < parts.length; i++) {
            double s = similarity(parts[i], hints);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        if (best < 0 || bestScore < 0.5) {
            best = parts[0].length() >= parts[parts.length - 1].length() ? 0 : parts.length - 1;
        }
        List<String> rest = new ArrayList<>();
        boolean headlineFirst = best < parts.length / 2.0 || best == 0;
        if (headlineFirst) {
            for (int i = best + 1; i < parts.length; i++) {
                rest.add(parts[i].strip());
            }
        } else {
            for (int i = best - 1; i >= 0; i--) {
                rest.add(parts[i].strip());
            }
        }
        rest.removeIf(s -> s.isEmpty() || s.split("\\s+").length > 4 && !s.codePoints().anyMatch(PartyRegistry::isCjk));
        if (rest.isEmpty()) {
            return null;
        }
        // The brand is the outermost segment. After a host name ("| Yle Uutiset | yle.fi", "- Suisse - tdg.ch") the
        // segment before it is the brand only when another place names the site so too; else it is a section.
        int brandAt = rest.size() - 1;
        boolean needsAgreement = false;
        while (brandAt > 0 && HOST_LIKE.matcher(rest.get(brandAt)).matches() && rest.get(brandAt).equals(rest.get(brandAt).toLowerCase(Locale.ROOT))) {
            add(all, rest.get(brandAt), 0.5, 4, Evidence.markup(title, HtmlPage.line(titleEl), "title"));
            brandAt--;
            needsAgreement = true;
        }
        String brand = rest.get(brandAt);
        for (int i = 0; i < brandAt; i++) {
            sections.add(fold(rest.get(i)));
        }
        Evidence evidence = Evidence.markup(title, HtmlPage.line(titleEl), "title");
        if (needsAgreement) {
            return new Candidate(brand, 2, 2, false, null, evidence);
        }
        add(all, brand, 2, 2, evidence);
        return null;
    }

    private static double similarity(String part, List<String> hints) {
        var words = ArticleLocator.words(part);
        if (words.isEmpty()) {
            return 0;
        }
        double best = 0;
        for (String h : hints) {
            var hw = ArticleLocator.words(h);
            int common = 0;
            for (String w : words) {
                if (hw.contains(w)) {
                    common++;
                }
            }
            best = Math.max(best, (double) common / words.size() * Math.min(1, (double) common / Math.max(1, hw.size()) / 0.6));
        }
        return best;
    }

    /** The site's copyright lines: outside the article, outside captions. */
    private void copyrightLines(Document doc, Set<Element> articleText, List<Candidate> all) {
        int found = 0;
        for (TextNode t : doc.body() == null ? List.<TextNode>of() : textNodesWithCopyright(doc.body())) {
            if (found >= 12) {
                break;
            }
            Element parent = t.parent();
            if (parent == null || inArticle(parent, articleText) || parent.closest(Css.of("figure, figcaption, script, style, noscript")) != null) {
                continue;
            }
            String text = parent.text();
            if (text.length() > 300) {
                text = t.getWholeText().strip();
            }
            String who = holder(text);
            if (who == null) {
                continue;
            }
            found++;
            boolean legal = OrgNames.hasLegalForm(who);
            add(all, OrgNames.withoutLegalForm(who), legal ? 1 : 2, 1, Evidence.markup(text.strip(), HtmlPage.line(parent), "copyright line"));
        }
    }

    private static List<TextNode> textNodesWithCopyright(Element body) {
        List<TextNode> out = new ArrayList<>();
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                if (s.indexOf('©') >= 0 || s.indexOf('ⓒ') >= 0 || s.contains("版权所有") || s.contains("版權所有")
                        || s.regionMatches(true, 0, "copyright", 0, 9) || s.toLowerCase(Locale.ROOT).contains("copyright")) {
                    out.add(t);
                }
            }
        }, body);
        return out;
    }

    private static boolean inArticle(Element e, Set<Element> articleText) {
        for (Element p = e; p != null; p = p.parent()) {
            if (articleText.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The holder a copyright line names, without years, rights phrases, addresses or trailing clauses. */
    static String holder(String line) {
        String who = null;
        Matcher m = COPYRIGHT.matcher(line);
        if (m.find()) {
            who = m.group("who");
        } else {
            Matcher c = COPYRIGHT_CJK.matcher(line);
            if (c.find()) {
                who = c.group("who") != null ? c.group("who") : c.group("who2");
            }
        }
        if (who == null) {
            return null;
        }
        who = OrgNames.withoutRights(who);
        who = Rx.of("\\s*[(\\[].*$|\\s+[-–—|].*$|[,;].*$|\\.\\s.*$|\\s+(?:a|an)\\s+division\\b.*$").matcher(who).replaceFirst("").strip();
        who = Rx.of("^[<>\\s]+|[<>\\s.]+$").matcher(who).replaceAll("");
        who = Rx.of("[,\\s]+(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)?\\d{2,4})?$").matcher(who).replaceFirst("").strip();
        if (who.length() < 2 || who.length() > 60 || OrgNames.generic(who) || who.split("\\s+").length > 6) {
            return null;
        }
        return who;
    }

    /** The site's logo: the alt text of an image in an element named logo, brand or masthead. */
    private void logo(Document doc, List<Candidate> all) {
        for (Element img : doc.select(Css.of("img[alt], img[title], svg[aria-label]"))) {
            boolean logo = false;
            int level = 0;
            for (Element p = img; p != null && level < 4; p = p.parent(), level++) {
                for (String w : ElementTokens.of(p)) {
                    logo |= LOGO_WORDS.contains(w);
                }
            }
            if (!logo) {
                continue;
            }
            String alt = img.hasAttr("alt") ? img.attr("alt") : img.hasAttr("title") ? img.attr("title") : img.attr("aria-label");
            alt = Rx.of("(?iu)^logo\\s+(?:de\\s+|of\\s+|von\\s+)?|[\\s-]+logo$").matcher(alt.strip()).replaceAll("").strip();
            String[] segments = TAGLINE_SEPARATOR.split(alt);
            if (segments.length > 0 && !segments[0].isBlank() && !AssetRules.isExternal(alt)) {
                Evidence ev = Evidence.markup(img.attr("alt"), HtmlPage.line(img), "logo");
                add(all, segments[0].strip(), 1, 3, ev);
                for (int i = 1; i < segments.length; i++) {
                    add(all, segments[i].strip(), 0.5, 3, ev); // "Nachrichten: Chemnitz | Freie Presse": which part is the name, others say
                }
                return;
            }
        }
    }

    private Optional<Publisher> choose(List<Candidate> all) {
        if (all.isEmpty()) {
            return Optional.empty();
        }
        int n = all.size();
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (same(all.get(i), all.get(j))) {
                    union(cluster, i, j);
                }
            }
        }
        Map<Integer, Double> scores = new LinkedHashMap<>();
        Map<Integer, Integer> firstPriority = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int root = find(cluster, i);
            scores.merge(root, all.get(i).weight(), Double::sum);
            firstPriority.merge(root, all.get(i).priority(), Math::min);
        }
        int winner = -1;
        for (var e : scores.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            if (winner < 0 || e.getValue() > scores.get(winner) + 1e-9
                    || Math.abs(e.getValue() - scores.get(winner)) < 1e-9 && firstPriority.get(e.getKey()) < firstPriority.get(winner)) {
                winner = e.getKey();
            }
        }
        if (winner < 0) {
            return Optional.empty();
        }
        List<Candidate> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (find(cluster, i) == winner) {
                members.add(all.get(i));
            }
        }
        boolean anyName = members.stream().anyMatch(c -> !c.hostLike());
        Map<String, double[]> forms = new LinkedHashMap<>();
        Map<String, String> display = new LinkedHashMap<>();
        Party party = null;
        java.util.Set<String> nameKeys = new java.util.HashSet<>();
        members.stream().filter(c -> !c.hostLike()).forEach(c -> nameKeys.add(fold(c.form())));
        for (Candidate c : members) {
            party = party != null ? party : c.party();
            if (anyName && c.hostLike() && !nameKeys.contains(fold(c.form()))) {
                continue;
            }
            String key = fold(c.form());
            double[] s = forms.computeIfAbsent(key, k -> new double[] {0, Integer.MAX_VALUE});
            s[0] += displayWeight(c);
            if (c.priority() < s[1]) {
                s[1] = c.priority();
                display.put(key, c.form());
            }
        }
        String bestKey = null;
        for (var e : forms.entrySet()) {
            if (bestKey == null || e.getValue()[0] > forms.get(bestKey)[0] + 1e-9
                    || Math.abs(e.getValue()[0] - forms.get(bestKey)[0]) < 1e-9 && e.getValue()[1] < forms.get(bestKey)[1]) {
                bestKey = e.getKey();
            }
        }
        String name = display.get(bestKey);
        if (name != null && Rx.of("\\p{Lu}{2,5}").matcher(name).matches()) {
            // A logo's initials ("TDG") stand for the name written out elsewhere ("Tribune de Genève"), unless the
            // site writes its initials more often than the long name (УНН).
            double acronymWeight = weightOf(members, name);
            for (String key : forms.keySet()) {
                String other = display.get(key);
                if (other != null && !other.equals(name) && other.contains(" ") && initialsOf(other).equalsIgnoreCase(name)
                        && weightOf(members, other) >= acronymWeight) {
                    name = other;
                    break;
                }
            }
        }
        List<String> allForms = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Candidate c : members) {
            if (!allForms.contains(c.form())) {
                allForms.add(c.form());
            }
            if (c.weight() > 0 && !evidence.contains(c.evidence())) {
                evidence.add(c.evidence());
            }
        }
        // The copy's address is where this publisher put it, whatever the host is called.
        for (Candidate c : all) {
            if (c.priority() == 11 && !evidence.contains(c.evidence())) {
                evidence.add(c.evidence());
            }
        }
        return Optional.of(new Publisher(name, party, allForms, evidence));
    }

    /**
     * How much a place counts for the form of the name: what a reader sees (the copyright line, the logo, the title,
     * a byline) before what only machines read (og:site_name, JSON-LD), as the page names itself.
     */
    private static double displayWeight(Candidate c) {
        return switch (c.priority()) {
            case 1 -> 3;
            case 3 -> Math.min(3, c.weight() * 3);
            case 2, 5, 6 -> 2;
            case 7, 9 -> 1;
            case 8 -> Math.min(1, c.weight() * 2);
            default -> 0.5;
        };
    }

    /** Whether two candidates name the same publisher. */
    boolean same(Candidate a, Candidate b) {
        if (a.party() != null && a.party() == b.party()) {
            return true;
        }
        return sameName(a.form(), b.form());
    }

    /** Whether two written names are one publisher's (see the class comment). */
    static boolean sameName(String a, String b) {
        String sa = squeeze(a);
        String sb = squeeze(b);
        if (sa.isEmpty() || sb.isEmpty()) {
            return false;
        }
        if (sa.equals(sb) || squeeze(stripTld(a)).equals(squeeze(stripTld(b)))) {
            return true;
        }
        if (squeeze(OrgNames.withoutLegalForm(a)).equals(squeeze(OrgNames.withoutLegalForm(b)))) {
            return true;
        }
        if (contains(a, b) || contains(b, a)) {
            return true;
        }
        return initials(a, b) || initials(b, a);
    }

    /** {@code longer} is {@code shorter} plus at most two words (an edition, a section) before or after. */
    private static boolean contains(String longer, String shorter) {
        String l = fold(stripTld(longer));
        String s = fold(stripTld(shorter));
        if (s.length() < 2 || l.length() <= s.length()) {
            return false;
        }
        boolean cjk = s.codePoints().anyMatch(PartyRegistry::isCjk) || l.codePoints().anyMatch(PartyRegistry::isCjk);
        if (cjk) {
            return (l.startsWith(s) || l.endsWith(s)) && l.length() - s.length() <= 12 && s.length() >= 2;
        }
        List<String> lw = List.of(l.split("[^\\p{L}\\p{N}&]+"));
        List<String> sw = List.of(s.split("[^\\p{L}\\p{N}&]+"));
        lw = lw.stream().filter(w -> !w.isEmpty()).toList();
        sw = sw.stream().filter(w -> !w.isEmpty()).toList();
        if (sw.isEmpty() || lw.size() - sw.size() > 2 || lw.size() <= sw.size()) {
            return false;
        }
        String shortest = sw.stream().reduce("", (x, y) -> x + y);
        if (shortest.length() < 3 && sw.size() == 1) {
            // "iG" in "Portal iG": a two-letter brand joins only where the other words are generic
            return lw.get(lw.size() - 1).equals(sw.get(0)) || lw.get(0).equals(sw.get(0));
        }
        return lw.subList(0, sw.size()).equals(sw) || lw.subList(lw.size() - sw.size(), lw.size()).equals(sw);
    }

    /** A domain label written as the initials of a name: {@code tdg.ch} and "Tribune de Genève". */
    private static boolean initials(String hostish, String name) {
        if (!HOST_LIKE.matcher(hostish.toLowerCase(Locale.ROOT)).matches()) {
            return false;
        }
        String label = Rx.of("^(?:https?://)?(?:www\\.)?").matcher(hostish.toLowerCase(Locale.ROOT)).replaceFirst("");
        label = label.contains(".") ? label.substring(0, label.indexOf('.')) : label;
        StringBuilder init = new StringBuilder();
        for (String w : fold(name).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                init.append(w.charAt(0));
            }
        }
        return label.length() >= 2 && label.contentEquals(init) && init.length() >= 2 || TextAttributionRules.sameAsDomain(name, hostish);
    }

    private static double weightOf(List<Candidate> members, String form) {
        String key = fold(form);
        return members.stream().filter(c -> fold(c.form()).equals(key)).mapToDouble(Candidate::weight).sum();
    }

    private static String initialsOf(String name) {
        StringBuilder init = new StringBuilder();
        for (String w : fold(name).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                init.append(w.charAt(0));
            }
        }
        return init.toString();
    }

    private static String stripTld(String s) {
        String t = Rx.of("^(?i)(?:https?://)?(?:www\\.)").matcher(s.strip()).replaceFirst("");
        return TLD.matcher(t).replaceFirst("");
    }

    private static String fold(String s) {
        return PartyRegistry.fold(Normalizer.normalize(s, Normalizer.Form.NFKC)).replaceAll("\\s+", " ").strip();
    }

    private static String squeeze(String s) {
        return Rx.of("[^\\p{L}\\p{N}]").matcher(fold(s)).replaceAll("");
    }

    private static int find(int[] c, int i) {
        while (c[i] != i) {
            c[i] = c[c[i]];
            i = c[i];
        }
        return i;
    }

    private static void union(int[] c, int a, int b) {
        int ra = find(c, a);
        int rb = find(c, b);
        if (ra != rb) {
            c[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
