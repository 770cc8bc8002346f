package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.provkit.page.Block;
import org.provkit.page.Css;
import org.provkit.provenance.Signal.Kind;

/**
 * Who a page credits with its text, read from the article's own lines: bylines and byline elements, wire
 * datelines, source and provider lines, closing agency codes, the article's copyright line. Each rule looks only
 * where such a credit stands (datelines at the body's start, closers at its end, bylines in the head or in byline
 * elements); captions, page chrome and running text never give a source, so agencies quoted in the story
 * ("told Reuters") or named in sidebars stay out.
 */
final class PageSourceRules {

    /** "By", "Por", "Von" at the start of a byline, after a separator, or after "published on <date>". */
    private static final Pattern BYLINE_LABEL = Pattern.compile(
            "(?iu)(?:^\\W*|[|·•]\\s*|(?:publicad[oa]|published|posted|publi[ée]e?|ver[öo]ffentlicht|pubblicato|opublikowano|escrito|written)\\b.{0,40}?\\s)"
                    + "(?:by|por|par|von|door|di|av|af|przez|от)\\s+(?=\\S)");
    private static final Pattern SEGMENT = Pattern.compile(
            "\\s*(?:[|/,;·•–—]|\\s-\\s|\\s+(?:and|y|e|et|und|en|i|og|och|ja|és|a|with|con|com|avec|mit|met|via|und\\s+mit)\\s+)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CLOSING_CODES = Pattern.compile(
            "(?:^|[\\s.。»\"”)\\]])[-–—]*\\s*[(（]\\s*(?<group>[^()（）]{2,40}?)\\s*[)）]\\s*[.。]?\\s*$");
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?iu)(?:(?:©|ⓒ|\\(c\\)|copyright)\\s*@?\\s*)+(?:by\\s+)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*[,.]?\\s*)?(?<who>[^©ⓒ|]{2,100})");
    private static final Pattern COPYRIGHT_CJK = Pattern.compile("(?<who>[^\\s：:，,。]{2,20})\\s*(?:版权所有|版權所有)|(?:版权所有|版權所有)\\s*[：:]?\\s*(?<who2>[^\\s，,。]{2,20})");
    private static final Pattern READ_ORIGINAL = Pattern.compile(
            "(?iu)^(?:元記事を読む|元記事|記事全文を読む|続きを読む|阅读原文|原文链接|查看原文|원문\\s*보기|기사원문|read\\s+(?:the\\s+)?(?:full|original)(?:\\s+(?:article|story))?"
                    + "|leer\\s+(?:la\\s+)?(?:nota|noticia)\\s+original|ver\\s+(?:noticia|nota)\\s+original|lire\\s+l['’]article\\s+original"
                    + "|zum\\s+original(?:artikel)?|leggi\\s+l['’]articolo\\s+originale|ler\\s+(?:a\\s+)?(?:mat[ée]ria|not[íi]cia)\\s+original)\\s*[>»›]*$");
    private static final Pattern PROVIDED = Pattern.compile("^(?<who>[^\\s].{1,30}?)\\s*(?:配信|提供)$|^(?:配信元|提供|provided\\s+by|proporcionado\\s+por|fornecido\\s+por)\\s*[:：]?\\s*(?<who2>.{2,40})$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A press review's opening: «Name» newspaper writes: ... */
    private static final Pattern PRESS_REVIEW = Pattern.compile(
            "^[«\"“„‹]\\s*(?<name>[^»\"”“‹›]{2,40}?)\\s*[»\"”“›]\\s*(?:թերթը|газета|газети|newspaper|daily|journal|gazette|diario|peri[óo]dico|jornal|zeitung"
                    + "|quotidien|giornale|dziennik|gazeta|lapja|noviny)?\\s*(?:գրում\\s+է|пишет|пише|пишут|writes|reports|escribe|informa|escreve|informa|[ée]crit"
                    + "|rapporte|schreibt|berichtet|scrive|riporta|pisze|[íi]rja)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A portal's date line naming the provider: "CNET Japan 3/9(木) 18:45配信", "2月15日（土）7時0分 オリコン". */
    private static final Pattern PORTAL_DATE = Pattern.compile(
            "\\d{1,4}\\s*[/年月.]\\s*\\d{1,2}\\s*日?\\s*(?:[（(][^)）]{1,3}[)）])?\\s*(?:\\d{1,2}\\s*[:時]\\s*\\d{1,2}\\s*分?)?\\s*(?:配信)?|配信");
    /** Words of what holds a provider's logo: a partner, an agency, the source of the story. */
    private static final Pattern PROVIDER_CONTEXT = Pattern.compile("(?i)partner|provider|agency|agencia|agencie|source|syndicat|byline|author");
    /** A story's opening "KVELLER via JTA —": the outlet that wrote it, then the agency that carried it. */
    private static final Pattern VIA_OPENER = Pattern.compile(
            "^(?<author>\\p{Lu}[\\p{L}'’.&\\- ]{1,40}?)\\s+via\\s+(?<via>\\p{Lu}[\\p{L}'’.&\\- ]{1,40}?)\\s*[—–]+\\s*\\S");
    /** "Via SyndiGate.info": the distributor this copy came through. */
    private static final Pattern VIA = Pattern.compile("(?iu)^(?:via|v[íi]a|durch|tramite|przez)\\s*[:：]?\\s+(?<who>\\S.{1,60})$");
    /** The last clause of a paragraph: "… homeless. – Additional reporting from Reuters". */
    private static final Pattern LAST_CLAUSE = Pattern.compile("(?:[.!?»\"”]\\s+|\\s[-–—]+\\s*)(?<clause>[^.!?–—]{4,120}?)\\s*\\.?\\s*$");
    private static final Pattern DATE_OR_TIME = Pattern.compile("\\d{1,4}[./:\\-]\\d{1,2}|\\d{1,2}:\\d{2}|\\b\\d{4}\\b");

    private final PartyResolver resolver;
    private final TextAttributionRules rules;

    PageSourceRules(PartyResolver resolver, TextAttributionRules rules) {
        this.resolver = resolver;
        this.rules = rules;
    }

    /** Signals of the page's lines, and the people its bylines name (added to {@code authors}). */
    List<PageSignal> find(List<PageLines.Line> lines, List<String> authors) {
        List<PageSignal> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PageLines.Line l = lines.get(i);
            if (l.caption() || l.block().mostlyLinks() && l.text().length() > 80) {
                continue;
            }
            Block.Region region = l.region();
            boolean head = region == Block.Region.PRE || region == Block.Region.HEAD;
            boolean top = head || l.bodyStart(3);
            boolean bottom = l.bodyEnd(5) || region == Block.Region.TAIL;
            int before = out.size();
            if (region == Block.Region.HEAD || l.bodyStart(3)) {
                dateline(l, out);
            }
            if (top || bottom || l.byline()) {
                labelled(l, out, authors);
                if (out.size() == before) {
                    sourceLine(l, out);
                }
                lone(l, out);
                via(l, out);
            }
            if (l.bodyEnd(2)) {
                lastClause(l, out);
            }
            if (l.byline() || head && l.text().length() <= 160) {
                byline(l, out, authors);
            }
            if (l.bodyEnd(6) || region == Block.Region.TAIL) {
                closingCodes(l, out);
            }
            if (bottom || l.byline()) {
                copyright(l, out);
            }
            if (region != Block.Region.BODY || l.bodyEnd(3)) {
                provider(l, i > 0 ? lines.get(i - 1) : null, out);
            }
            if (head || l.bodyStart(2)) {
                portalProvider(l, out);
            }
            if (l.bodyIndex() == 0) {
                pressReview(l, out);
                viaOpener(l, out);
            }
        }
        return dedupe(out);
    }

    private void dateline(PageLines.Line l, List<PageSignal> out) {
        for (Signal s : rules.datelineSignals(l.text())) {
            String span = s.evidence().text();
            out.add(new PageSignal(s.party(), s.party() == null ? s.name() : written(s.party(), span), Kind.AUTHOR,
                    l.evidence(span, "dateline"), true));
        }
    }

    private void labelled(PageLines.Line l, List<PageSignal> out, List<String> authors) {
        for (LabelledFields.Field f : LabelledFields.of(l.text())) {
            if (f.type() != LabelledFields.Type.SOURCE && f.type() != LabelledFields.Type.AUTHOR) {
                continue;
            }
            String span = f.span(l.text());
            Kind kind = f.type() == LabelledFields.Type.SOURCE ? Kind.TAKEN_FROM : Kind.AUTHOR;
            String rule = f.type() == LabelledFields.Type.SOURCE ? "source line" : "byline";
            List<PartyResolver.Written> parties = resolver.whole(f.value());
            if (parties.isEmpty() && f.value().length() <= 80) {
                parties = resolver.codeGroup(f.value());
            }
            if (!parties.isEmpty()) {
                parties.forEach(w -> out.add(new PageSignal(w.party(), w.written(), kind, l.evidence(span, rule), true)));
                continue;
            }
            String name = nameOf(f.value());
            if (name == null || OrgNames.generic(name) || name.split("\\s+").length > 6) {
                continue;
            }
            if (f.type() == LabelledFields.Type.SOURCE) {
                out.add(new PageSignal(null, name, kind, l.evidence(span, rule), true));
            } else if (OrgNames.orgLike(name)) {
                out.add(new PageSignal(null, name, kind, l.evidence(span, rule), true));
            } else {
                authors.add(name);
            }
        }
    }

    private void sourceLine(PageLines.Line l, List<PageSignal> out) {
        List<Signal> found = plausible(rules.sourceLineSignals(l.text()));
        if (found.isEmpty() && l.text().length() <= 300) {
            // "This article was originally published by Futurism. Read the original article.": one sentence at a time.
            for (String sentence : Rx.of("(?<=[.!?])\\s+(?=\\p{Lu})").split(l.text())) {
                found.addAll(plausible(rules.sourceLineSignals(sentence.strip())));
            }
        }
        for (Signal s : found) {
            String span = s.evidence().text();
            String written = s.party() == null ? s.name() : written(s.party(), span);
            out.add(new PageSignal(s.party(), written, s.kind(), l.evidence(span, s.kind() == Kind.AUTHOR ? "byline" : "source line"), true));
        }
    }

    private void via(PageLines.Line l, List<PageSignal> out) {
        Matcher m = VIA.matcher(l.text().strip());
        if (m.matches() && m.group("who").split("\\s+").length <= 5) {
            add(m.group("who"), Kind.TAKEN_FROM, l.evidence(l.text().strip(), "source line"), out);
        }
    }

    /** A credit closing the body's last paragraph ("… – Additional reporting from Reuters", "… With AFP."). */
    private void lastClause(PageLines.Line l, List<PageSignal> out) {
        Matcher m = LAST_CLAUSE.matcher(l.text());
        if (!m.find()) {
            return;
        }
        String clause = m.group("clause").strip();
        for (Signal s : rules.sourceLineSignals(clause)) {
            if (s.party() != null) {
                String span = s.evidence().text();
                out.add(new PageSignal(s.party(), written(s.party(), span), s.kind(), l.evidence(span, "source line"), true));
            }
        }
    }

    /** Unregistered names that read as a person ("Publicado por Alberto González") or a phrase are no source. */
    private static List<Signal> plausible(List<Signal> signals) {
        List<Signal> out = new ArrayList<>();
        for (Signal s : signals) {
            if (s.party() != null || !OrgNames.personLike(s.name()) && capitalised(s.name())) {
                out.add(s);
            }
        }
        return out;
    }

    /** A line that is nothing but an agency's name or code ("EFE", "Agencia Efe.", "AFP/The Local"). */
    private void lone(PageLines.Line l, List<PageSignal> out) {
        String t = l.text().strip();
        if (t.length() > 60) {
            return;
        }
        String v = Rx.of("^(?iu)(?:by|por|par|von|door|di|przez)\\s+").matcher(t).replaceFirst("");
        v = Rx.of("[.。:]+$").matcher(v).replaceAll("").strip();
        for (PartyResolver.Written w : resolver.whole(v)) {
            out.add(new PageSignal(w.party(), w.written(), Kind.AUTHOR, l.evidence(t, "byline"), true));
        }
    }

    /**
     * A byline: who follows "By", "Por", "Von" (or the whole line in a byline element), split into names at
     * separators and conjunctions; registered parties, and names of organisations, are sources; people are authors.
     */
    private void byline(PageLines.Line l, List<PageSignal> out, List<String> authors) {
        String t = l.text().strip();
        if (t.length() > 200) {
            return;
        }
        Matcher m = BYLINE_LABEL.matcher(t);
        int from = -1;
        while (m.find()) {
            from = m.end();
        }
        if (from < 0 && !l.byline()) {
            return;
        }
        String who = from < 0 ? t : t.substring(from);
        int index = -1;
        for (String part : SEGMENT.split(who)) {
            index++;
            String p = PartyResolver.clean(part);
            p = Rx.of("(?iu)^(?:by|por|par|von|door|di|przez)\\s+").matcher(p).replaceFirst("").strip();
            // "Associated Press in Valencia", "Reuters em Brasília": where the story was filed from.
            p = Rx.of("\\s+(?:in|en|em|à|a|aus|in|da|z|из|в)\\s+\\p{Lu}[\\p{L}'’.\\- ]{1,40}$").matcher(p).replaceFirst("").strip();
            if (p.isEmpty() || DATE_OR_TIME.matcher(p).find() && resolver.whole(p).isEmpty()) {
                continue;
            }
            List<PartyResolver.Written> parties = resolver.whole(p);
            if (!parties.isEmpty()) {
                parties.forEach(w -> out.add(new PageSignal(w.party(), w.written(), Kind.AUTHOR, l.evidence(t, "byline"), true)));
                continue;
            }
            String name = PartyResolver.asName(p);
            if (name == null || OrgNames.generic(name) || name.split("\\s+").length > 6) {
                continue;
            }
            // "By Sandee LaMotte, CNN": an acronym after the writer's name is the outlet ("Posted by DT" is a person).
            boolean acronym = Rx.of("\\p{Lu}[\\p{Lu}\\d&]{2,5}").matcher(name).matches() && from >= 0 && index > 0;
            if (OrgNames.orgLike(name) && !OrgNames.personLike(name) && capitalised(name) || acronym) {
                out.add(new PageSignal(null, name, Kind.AUTHOR, l.evidence(t, "byline"), true));
            } else if (from >= 0 || l.byline()) {
                authors.add(name);
            }
        }
        if (l.byline()) {
            // "By Orhan Coskun and Suleiman Al-Khalidi Reuters": an agency anywhere in a byline element.
            for (PartyRegistry.NameMatch nm : resolver.registry().findNames(t)) {
                if (Rx.of("^\\s+\\p{Lu}\\p{Ll}").matcher(t.substring(nm.end())).find()) {
                    continue; // "Petra Müller": a first name, the surname after it
                }
                out.add(new PageSignal(nm.party(), t.substring(nm.start(), nm.end()), Kind.AUTHOR, l.evidence(t, "byline"), true));
            }
            CodeTokens.forEach(t, (s, e) -> {
                String token = t.substring(s, e);
                if (token.length() >= 2 && resolver.registry().isCode(token)) {
                    resolver.registry().byNameOrCode(token).ifPresent(p ->
                            out.add(new PageSignal(p, token, Kind.AUTHOR, l.evidence(t, "byline"), true)));
                }
            });
        }
    }

    /** "(KNA, DR)", "(ats/nxp)", "--(بترا)" closing the body: the agency and the editor's initials. */
    private void closingCodes(PageLines.Line l, List<PageSignal> out) {
        Matcher m = CLOSING_CODES.matcher(l.text());
        if (!m.find()) {
            return;
        }
        String span = l.text().substring(m.start("group") - 1).strip();
        for (PartyResolver.Written w : resolver.codeGroup(m.group("group"))) {
            out.add(new PageSignal(w.party(), w.written(), Kind.AUTHOR, l.evidence(span, "closing credit"), true));
        }
    }

    /** The article's own copyright line ("Copyright 2020 The Associated Press", "Copyright ⓒ 뉴스타파"). */
    private void copyright(PageLines.Line l, List<PageSignal> out) {
        String t = l.text();
        if (t.length() > 300) {
            return;
        }
        Matcher m = COPYRIGHT.matcher(t);
        String who = null;
        String span = null;
        if (m.find()) {
            who = m.group("who");
            span = m.group();
        } else {
            Matcher c = COPYRIGHT_CJK.matcher(t);
            if (c.find()) {
                who = c.group("who") != null ? c.group("who") : c.group("who2");
                span = c.group();
            }
        }
        if (who == null) {
            return;
        }
        who = OrgNames.withoutRights(who);
        who = Rx.of("\\s*[(\\[].*$|\\s+[-–—|].*$|[.,;].*$").matcher(who).replaceFirst("").strip();
        who = Rx.of("^[<>\\s]+|[<>\\s]+$").matcher(who).replaceAll("");
        if (who.isEmpty() || OrgNames.generic(who)) {
            return;
        }
        List<PartyResolver.Written> parties = resolver.whole(who);
        String s = span.strip();
        if (!parties.isEmpty()) {
            parties.forEach(w -> out.add(new PageSignal(w.party(), w.written(), Kind.AUTHOR, l.evidence(s, "copyright line"), true)));
            return;
        }
        String name = nameOf(who);
        if (name != null && (!capitalised(name) || OrgNames.personLike(name) && !OrgNames.orgLike(name) || OrgNames.hasLegalForm(name))) {
            return; // "© Licencja na publikację" is a notice; "© Martin Taylor" a photographer's credit; "© Nexstar Media Inc." the owner
        }
        boolean caseless = name != null && !Character.isUpperCase(name.codePointAt(0)) && !Character.isLowerCase(name.codePointAt(0));
        if (name != null && !OrgNames.orgLike(name) && !caseless && !OrgNames.titled(name)
                && !Rx.of("\\p{Lu}[\\p{Lu}\\d&]{1,5}").matcher(name).matches()) {
            return; // "© Marufish": a name that reads as no organisation (a photographer's alias) credits no text
        }
        if (name != null && name.split("\\s+").length <= 6) {
            out.add(new PageSignal(null, name, Kind.AUTHOR, l.evidence(s, "copyright line"), true));
        }
    }

    /** A provider named next to a "read the original" link, or a "… 配信" (distributed by) line. */
    private void provider(PageLines.Line l, PageLines.Line previous, List<PageSignal> out) {
        String t = l.text().strip();
        if (READ_ORIGINAL.matcher(t).matches() && previous != null && !previous.caption()) {
            String p = previous.text().strip();
            if (p.length() <= 40 && !DATE_OR_TIME.matcher(p).find()) {
                add(p, Kind.TAKEN_FROM, previous.evidence(p, "provider"), out);
            }
            return;
        }
        Matcher m = PROVIDED.matcher(t);
        if (t.length() <= 60 && m.matches()) {
            String who = m.group("who") != null ? m.group("who") : m.group("who2");
            who = DATE_OR_TIME.matcher(who).replaceAll(" ").replaceAll("\\s+", " ").strip();
            if (!who.isEmpty()) {
                add(who, Kind.TAKEN_FROM, l.evidence(t, "provider"), out);
            }
        }
    }

    private void portalProvider(PageLines.Line l, List<PageSignal> out) {
        String t = l.text().strip();
        if (t.length() > 60 || !(t.contains("配信") || Rx.of("\\d{1,2}\\s*(?:時\\s*\\d{1,2}\\s*分|:\\d{2})").matcher(t).find())) {
            return; // a date and a time ("7時0分", "18:45") or "配信" (distributed): a portal's provider line
        }
        Matcher m = PORTAL_DATE.matcher(t);
        if (!m.find()) {
            return;
        }
        String rest = PORTAL_DATE.matcher(t).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (!rest.isEmpty() && rest.length() <= 20 && nameOf(rest) != null) {
            add(rest, Kind.TAKEN_FROM, l.evidence(t, "provider"), out);
        }
    }

    /**
     * Logos standing where a byline goes: a provider's or agency's logo over the headline or in the byline slot
     * (its alt text, its link's title, the registered party its link or file points to).
     */
    List<PageSignal> logos(List<org.jsoup.nodes.Element> images) {
        List<PageSignal> out = new ArrayList<>();
        for (org.jsoup.nodes.Element img : images) {
            boolean provider = false;
            int level = 0;
            for (org.jsoup.nodes.Element p = img; p != null && level < 4; p = p.parent(), level++) {
                provider |= PROVIDER_CONTEXT.matcher(p.className() + " " + p.id() + " " + p.attr("data-aop")).find();
            }
            if (!provider) {
                continue;
            }
            org.jsoup.nodes.Element link = img.closest(Css.of("a[href]"));
            Evidence ev = Evidence.element(img.attr("alt").isBlank() ? img.attr("src") : img.attr("alt"), org.provkit.page.HtmlPage.line(img),
                    "logo", PageLines.path(img));
            List<String> names = new ArrayList<>();
            for (String n : new String[] {img.attr("alt"), img.attr("title"), link == null ? "" : link.attr("title")}) {
                if (!n.isBlank()) {
                    names.add(n.strip());
                }
            }
            boolean found = false;
            for (String n : names) {
                List<PartyResolver.Written> parties = resolver.whole(n);
                if (!parties.isEmpty()) {
                    parties.forEach(w -> out.add(new PageSignal(w.party(), w.written(), Kind.AUTHOR, ev, true)));
                    found = true;
                    break;
                }
                String name = nameOf(n);
                boolean organisation = name != null && (OrgNames.orgLike(name) || Rx.of("\\p{Lu}[\\p{Lu}\\d&]{1,5}").matcher(name).matches()
                        || Rx.of("\\S+\\.\\p{L}{2,}").matcher(name).matches());
                if (organisation && !OrgNames.generic(name) && !OrgNames.personLike(name) && !name.toLowerCase(Locale.ROOT).contains("logo")) {
                    out.add(new PageSignal(null, name, Kind.AUTHOR, ev, true));
                    found = true;
                    break;
                }
            }
            if (!found && link != null && AssetRules.isExternal(link.attr("href"))) {
                String host = Urls.host(link.attr("href"));
                if (host != null) {
                    resolver.registry().byHost(host).ifPresent(p -> out.add(new PageSignal(p, p.name(), Kind.AUTHOR, ev, true)));
                }
            }
        }
        return out;
    }

    private void viaOpener(PageLines.Line l, List<PageSignal> out) {
        Matcher m = VIA_OPENER.matcher(l.text());
        if (m.find()) {
            String span = l.text().substring(0, m.end("via")).strip();
            add(m.group("author").strip(), Kind.AUTHOR, l.evidence(span, "dateline"), out);
            add(m.group("via").strip(), Kind.TAKEN_FROM, l.evidence(span, "dateline"), out);
        }
    }

    private void pressReview(PageLines.Line l, List<PageSignal> out) {
        Matcher m = PRESS_REVIEW.matcher(l.text());
        if (m.find()) {
            add(m.group("name").strip(), Kind.TAKEN_FROM, l.evidence(m.group().strip(), "press review"), out);
        }
    }

    private void add(String name, Kind kind, Evidence evidence, List<PageSignal> out) {
        List<PartyResolver.Written> parties = resolver.whole(name);
        if (!parties.isEmpty()) {
            parties.forEach(w -> out.add(new PageSignal(w.party(), w.written(), kind, evidence, true)));
            return;
        }
        String n = nameOf(name);
        if (n != null && n.length() <= 60 && !OrgNames.generic(n)) {
            out.add(new PageSignal(null, n, kind, evidence, true));
        }
    }

    /**
     * The value as a name: a short capitalised name ({@link PartyResolver#asName}), or a short name in a script
     * without capitals (网易科学人, 뉴스타파, بترا).
     */
    static String nameOf(String value) {
        String name = PartyResolver.asName(value);
        if (name != null) {
            return name;
        }
        String v = PartyResolver.clean(value);
        if (v.isEmpty() || v.length() > 30 || v.codePoints().anyMatch(Character::isDigit) || Rx.of("[。！？!?]").matcher(v).find()) {
            return null;
        }
        int first = v.codePointAt(0);
        return Character.isLetter(first) && !Character.isUpperCase(first) && !Character.isLowerCase(first) ? v : null;
    }

    /** Every word of four letters or more starts with a capital (in scripts that have them). */
    static boolean capitalised(String name) {
        for (String w : name.split("[\\s\\-]+")) {
            if (w.length() >= 4 && Character.isLowerCase(w.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** The form of a registered party's name in a span ("dpa" in "(dpa/lno)", "ТАСС" in "/ТАСС/"). */
    String written(Party p, String span) {
        String best = null;
        List<String> forms = new ArrayList<>(p.codes());
        forms.add(p.name());
        forms.addAll(p.aliases());
        String folded = PartyRegistry.fold(span);
        for (String f : forms) {
            int at = folded.indexOf(PartyRegistry.fold(f));
            if (at >= 0 && (best == null || f.length() > best.length())) {
                int end = at + f.length();
                boolean wordStart = at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
                boolean wordEnd = end >= folded.length() || !Character.isLetterOrDigit(folded.charAt(end));
                if (wordStart && wordEnd || f.codePoints().anyMatch(PartyRegistry::isCjk)) {
                    best = span.substring(at, end);
                }
            }
        }
        return best != null ? best : Rx.of("^[\\s(/（【\\[-]+|[\\s)/）】\\]\\-.]+$").matcher(span).replaceAll("");
    }

    private static List<PageSignal> dedupe(List<PageSignal> signals) {
        List<PageSignal> out = new ArrayList<>();
        for (PageSignal s : signals) {
            boolean dup = out.stream().anyMatch(o -> sameParty(o, s) && o.evidence().equals(s.evidence()));
            if (!dup) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean sameParty(PageSignal a, PageSignal b) {
        if (a.party() != null || b.party() != null) {
            return a.party() == b.party();
        }
        return squeeze(a.written()).equals(squeeze(b.written()));
    }

    static String squeeze(String name) {
        return Rx.of("[^\\p{L}\\p{N}]").matcher(PartyRegistry.fold(name == null ? "" : name)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
