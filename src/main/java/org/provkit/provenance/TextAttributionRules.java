package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.provkit.provenance.Signal.Kind;

/**
 * Attribution evidence in the lines of a text, in French, Spanish, English and Portuguese (source-line labels
 * and datelines also in some twenty other languages and scripts): datelines with an
 * agency ({@code Madrid, 30 ago (EFE).-}), closing source lines ({@code Fuente:}, {@code Tomado de},
 * {@code With AFP}), in-text attributions ({@code según EFE}, {@code selon l'agence Xinhua}) and the last line
 * naming the outlet. Codes such as {@code PL} count only in datelines and labelled lines; in running text only
 * a trigger phrase right before or after a registered party makes an attribution, so "told Reuters" is none.
 */
final class TextAttributionRules {

    private static final String CONNECTOR = "(?:de|del|da|do|dos|das|la|las|los|le|les|el|of|the|sur|en|y|e|et|al|am|upon|des|di)";
    private static final String PLACE_WORD = "\\p{Lu}[\\p{L}'’.\\-]*(?:/\\p{Lu}[\\p{L}'’.\\-]*)?";
    private static final String PLACE = PLACE_WORD + "(?:\\s+(?:" + CONNECTOR + "\\s+)?" + PLACE_WORD + "){0,4}";

    /** "La Havane, 30 août, (RHC)-", "HAVANA, March 3 (Reuters) -", "BEIJING (Xinhua) --", "Caracas, 12 ene (PL) El ...". */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?<place>" + PLACE + ")\\s*(?:,\\s*(?<date>[^()\\n]{1,40}?))?\\s*,?\\s*\\((?<agency>[^()\\n]{1,60})\\)"
                    + "(?<sep>\\s*\\.?\\s*[-–—]+|\\s*\\.-|\\s*:|\\.)?\\s*(?<next>\\S)?");
    /** "MOSCOW, March 3. /TASS/." */
    private static final Pattern DATELINE_SLASHES = Pattern.compile(
            "^(?<place>" + PLACE + ")\\s*,\\s*(?<date>[^/\\n]{1,40}?)\\.?\\s*/(?<agency>[\\p{L}\\-]{2,20})/");
    /** Scripts without capitals: "الرياض 12 نوفمبر (واس) - ...", "ירושלים (וואלה) -". The agency must be registered. */
    private static final Pattern DATELINE_CASELESS = Pattern.compile(
            "^(?<place>[\\p{IsArabic}\\p{IsHebrew}\\p{IsHan}\\p{IsHangul}\\p{IsThai}\\p{IsDevanagari}\\p{IsBengali}][^()\\n]{0,60}?)"
                    + "\\s*[(（](?<agency>[^()（）\\n]{1,40})[)）]\\s*(?:[-–—:：]|\\.-)");
    /** Chinese: "新华社北京11月12日电", agency, place and date run together before 电 ("wire"). */
    private static final Pattern DATELINE_CHINESE = Pattern.compile("^(?<head>\\p{IsHan}{3,20})\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*电");
    /** Korean: "(서울=연합뉴스)"; place and agency joined by "=". */
    private static final Pattern DATELINE_KOREAN = Pattern.compile("^[(（](?<place>[^()=（）\\n]{1,20})=(?<agency>[^()=（）\\n]{1,30})[)）]");
    /** Japanese: "【北京共同】", place then agency in lenticular brackets. */
    private static final Pattern DATELINE_JAPANESE = Pattern.compile("^【(?<inner>[^】\\n]{2,20})】");

    /** "(ANSA) - ROME, MARCH 3 -" */
    private static final Pattern DATELINE_LEADING = Pattern.compile("^\\((?<agency>[^()\\n]{2,40})\\)\\s*\\.?\\s*[-–—]+\\s*\\S");

    /** Labels whose value is where this copy was taken from. */
    private static final String TAKEN_FROM_LABELS = "sources?|fuentes?|fontes?|v[íi]a"
            // the same label in other languages: de, it, nl, ru, uk, ar, fa, zh, ja, ko, tr, pl, id/ms, vi, ro, sv, da/no, cs, el, he
            + "|quellen?|fonti|bron|источник(?:и)?|по\\s+материалам|джерело|المصدر|مصدر|منبع|来源|來源|消息来源|出典|出所|출처"
            + "|kaynak|źródło|zrodlo|sumber|nguồn|sursa|källa|kilde|zdroj|πηγή|מקור|tomad[oa]s?\\s+(?:de(?:l|\\s+la)?|d[eo]s?)|extra[íi]d[oa]\\s+d[eoa]l?"
            + "|retirad[oa]\\s+d[eoa]|reproducid[oa]\\s+de(?:l)?|republicad[oa]\\s+de(?:l)?"
            + "|publicad[oa]\\s+(?:originalmente\\s+|originariamente\\s+|inicialmente\\s+|primero\\s+)?(?:en|em|por|no|na|el|pel[oa])"
            + "|(?:originally|first)\\s+published\\s+(?:in|on|by)|reproduced\\s+from|reprinted\\s+from|republished\\s+from"
            + "|publi[ée]e?\\s+(?:initialement|à\\s+l['’]origine|originellement|d['’]abord)\\s+(?:dans|sur|par)"
            + "|article\\s+(?:paru|publi[ée])\\s+(?:dans|sur)|repris\\s+d[eu]|tir[ée]e?\\s+d[eu]|cortes[íi]a\\s+de|courtesy\\s+of"
            + "|this\\s+(?:article|story|post|piece|report|item)\\s+(?:was\\s+|has\\s+been\\s+|is\\s+)?(?:first\\s+|originally\\s+)?(?:appeared|published|republished)\\s+(?:in|on|by|with\\s+permission\\s+(?:of|from))"
            + "|(?:republished|reprinted|reproduced)\\s+(?:with\\s+permission\\s+)?(?:from|of)|(?:originally|first)\\s+(?:appeared|ran)\\s+(?:in|on)"
            + "|ce(?:t)?\\s+(?:texte|article)\\s+a\\s+(?:d['’]abord\\s+|initialement\\s+)?(?:[ée]t[ée]\\s+)?(?:publi[ée]|paru)\\s+(?:par|sur|dans)";
    /** Labels whose value is a source of the information. */
    private static final String INFORMATION_LABELS = "con\\s+informaci[óo]n(?:es)?\\s+de(?:l|\\s+la|\\s+las)?|com\\s+informa[çc](?:[õo]es|[ãa]o)\\s+d[aeo]s?"
            + "|with\\s+files\\s+from|with\\s+(?:additional\\s+)?(?:reporting|files)\\s+(?:from|by)|with\\s+information\\s+(?:from|of)|with\\s+reporting\\s+(?:from|by)|additional\\s+reporting\\s+(?:by|from)"
            + "|(?:mit|unter\\s+verwendung\\s+von)\\s+(?:material|informationen|angaben)\\s+(?:von|der|des)|mit\\s+agenturen"
            + "|con\\s+informazioni\\s+(?:di|da)|met\\s+informatie\\s+van|z\\s+informacji|na\\s+podstawie"
            + "|reporting\\s+by|compiled\\s+(?:by|from)|mit\\s+dpa|avec\\s+l['’]?afp"
            + "|avec\\s+(?:des\\s+informations\\s+d[eu]|l['’]agence)|con\\s+reportes?\\s+de|com\\s+ag[êe]ncias?|con\\s+agencias"
            + "|avec\\s+agences|with\\s+agencies|d['’]apr[èe]s|selon|seg[úu]n|segundo|avec|with|con|com";
    /** A byline naming an agency: "Por EFE", "By Reuters", "Par AFP", "Autor: Prensa Latina". */
    private static final String BYLINE_LABELS = "por|by|par|escrito\\s+por|written\\s+by|r[ée]dig[ée]\\s+par|autor|auteur|author";
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^[(\\[]?(?:(?<taken>" + TAKEN_FROM_LABELS + ")|(?<info>" + INFORMATION_LABELS + ")|(?<byline>" + BYLINE_LABELS + "))(?<colon>\\s*[:：]|\\s+[-–—]\\s)?\\s*(?<value>.+?)[)\\]]?\\.?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Labels that are ordinary words in running text: only a short line naming a registered party counts. */
    private static final Pattern BARE_LABEL = Pattern.compile("(?i)^(?:avec|with|con|com|selon|seg[úu]n|segundo|d['’]apr[èe]s|v[íi]a)$");

    /** A phrase right before a party that makes it the source: "selon l'agence", "según", "according to". */
    private static final Pattern PRE_TRIGGER = Pattern.compile(
            "(?iu)(?:^|[\\s(,;:«\"“])(?:selon|d['’]apr[èe]s|(?:a|ont|avait|aurait)\\s+rapport[ée]e?|rapporte(?:nt)?|cit[ée]e?s?\\s+par|relay[ée]e?s?\\s+par"
                    + "|(?:a\\s+)?indiqu[ée]|indique|(?:a\\s+)?annonc[ée]|annonce|(?:a\\s+)?pr[ée]cis[ée]|pr[ée]cise"
                    + "|seg[úu]n|de\\s+acuerdo\\s+con|conforme\\s+a|inform[óa]|report[óa]|public[óa]|divulg[óa]|difundi[óo]|recog[ei]|señal[óa]|citad[oa]s?\\s+por|reseñ[óa]"
                    + "|revel[óa]|consign[óa]|indic[óa]|precis[óa]|dio\\s+a\\s+conocer|da\\s+cuenta"
                    + "|rapportent|relaie|relayait|cite|citait"
                    + "|according\\s+to|reported\\s+by|cited\\s+by|quoted\\s+by|as\\s+reported\\s+by"
                    + "|(?:segundo|de\\s+acordo\\s+com|conforme|informou|noticiou|publicou|divulgou|relatou|avança|avançou|refere|referiu|adianta|adiantou|citad[oa]s?\\s+pel[oa])(?:\\s+(?:a|o))?"
                    // de, it, nl, pl, ru
                    + "|laut|nach\\s+angaben\\s+(?:von|der|des)|wie\\s+(?:die|der|das)?\\s*berichtete|berichtete|meldete"
                    + "|secondo|come\\s+riporta|riporta|riferisce|volgens|meldt|według|podała|podaje"
                    + "|по\\s+данным|по\\s+сообщению|как\\s+сообщает|как\\s+сообщило|как\\s+передает|как\\s+передаёт|сообщает|сообщило|передает|передаёт"
                    // ar: "according to" (وفقا ل / حسب / بحسب), "quoting" (نقلا عن), "reported" (ذكرت / أفادت)
                    + "|وفقا|وفقاً|حسب|بحسب|نقلا\\s+عن|نقلاً\\s+عن|و?ذكرت|و?أفادت|و?أوردت)\\s*$");
    /** A phrase right after a party that makes it the source: "EFE informó", "Reuters reported". */
    private static final Pattern POST_TRIGGER = Pattern.compile(
            "(?iu)^\\s*,?\\s*(?:reported|reports|has\\s+reported|informó|informa|reportó|publicó|difundió|señaló|precisó|indicó"
                    + "|rapporte|a\\s+rapporté|rapportait|indique|a\\s+indiqué|précise|a\\s+précisé|annonce|a\\s+annoncé"
                    + "|informou|noticiou|publicou|divulgou|relatou|relata|relató|noticia|avança|avançou|adianta|adiantou"
                    + "|berichtete|berichtet|meldete|meldet|zufolge|riferisce|riporta|ha\\s+riferito|meldt|podała|podaje"
                    + "|сообщает|сообщило|сообщил|передает|передаёт)(?![\\p{L}])");
    /** Chinese "according to" right before a name: "据新华社报道", "根据共同社". No spaces, so no word boundary. */
    private static final Pattern CJK_PRE_TRIGGER = Pattern.compile("(?:据|根据|據|根據|援引|引述)\\s*$");
    /** Right after a name: Japanese "によると" (according to), Korean "에 따르면", Chinese "报道" (reported), "消息", "称". */
    private static final Pattern CJK_POST_TRIGGER = Pattern.compile(
            "^\\s*(?:によると|によれば|が報じた|は報じた|에\\s*따르면|이\\s*보도|가\\s*보도|报道|報道|消息|称|稱)");
    /** "told Reuters", "dijo a EFE", "a déclaré à l'AFP", "disse à Lusa": the party was spoken to, not the source. */
    private static final Pattern SPOKEN_TO = Pattern.compile(
            "(?iu)(?:told|(?:said|spoke|talking|talked)\\s+to|interview\\s+with"
                    + "|(?:dijo|declaró|explicó|aseguró|afirmó|precisó|contó)\\s+a|habló\\s+con|entrevista\\s+(?:con|a)"
                    + "|(?:disse|afirmou|contou|declarou|explicou)\\s+(?:à|ao|a)|entrevista\\s+(?:à|ao|com)"
                    + "|a\\s+(?:dit|déclaré|confié|indiqué|expliqué|affirmé|précisé)\\s+à|entretien\\s+avec)\\s*$");
    /** Words between a trigger and the party: articles, "agency", nationalities. */
    private static final Set<String> FILLERS = Set.of("l", "la", "le", "les", "el", "los", "las", "the", "agence", "agencia",
            "agência", "agency", "news", "noticias", "notícias", "nouvelles", "presse", "prensa", "press", "de", "del", "informativa",
            "estatal", "oficial", "officielle", "official", "state", "state-run", "state-owned", "publique", "pública", "cadena",
            "emisora", "radio", "chaîne", "site", "sitio", "portal", "journal", "diario", "diário", "jornal", "periódico",
            "newspaper", "britannique", "británica", "britânica", "british", "française", "francesa", "french", "chinoise",
            "china", "chinesa", "chinese", "russe", "rusa", "russa", "russian", "cubaine", "cubana", "cuban", "espagnole",
            "española", "espanhola", "spanish", "américaine", "estadounidense", "norte-americana", "estadunidense", "american",
            "us", "u.s.", "italienne", "italiana", "italian", "allemande", "alemana", "alemã", "german", "japonaise", "japonesa",
            "japanese", "portugaise", "portuguesa", "portuguese", "brésilienne", "brasileña", "brasileira", "brazilian",
            "turque", "turca", "turkish", "sud-coréenne", "surcoreana", "sul-coreana", "south", "korean", "indienne", "india",
            "indiana", "indian", "vénézuélienne", "venezolana", "venezuelana", "venezuelan", "latino-américaine",
            "latinoamericana", "latino-americana", "latin", "multiestatal", "multi-state", "télévision", "televisión",
            "televisão", "television", "tv", "broadcaster", "network", "red", "réseau", "rede",
            "nachrichtenagentur", "agentur", "der", "die", "agenzia", "agentschap", "persbureau", "het", "agencja", "agencji",
            "агентство", "агентства", "информационное", "государственное", "российское", "новостей",
            // ar: "agency", "to the agency" (the preposition glued on), "news"
            "وكالة", "لوكالة", "وكالات", "الأنباء", "أنباء");

    private final PartyResolver resolver;

    TextAttributionRules(PartyResolver resolver) {
        this.resolver = resolver;
    }

    /** The dateline at the start of one line of a page's article (its agency), if any. */
    List<Signal> datelineSignals(String text) {
        List<Signal> out = new ArrayList<>();
        datelines(new TextLines.Line(1, text, false), out);
        return out;
    }

    /** A source, provider or byline line ({@code Fuente: EFE}, {@code With AFP}, {@code Tomado de ...}), if the line is one. */
    List<Signal> sourceLineSignals(String text) {
        List<Signal> out = new ArrayList<>();
        sourceLine(new TextLines.Line(1, text, false), true, out);
        return out;
    }

    /** Every attribution signal of the text. */
    List<Signal> find(TextLines text) {
        List<Signal> out = new ArrayList<>();
        List<TextLines.Line> nonBlank = text.nonBlank();
        for (int i = 0; i < nonBlank.size(); i++) {
            TextLines.Line line = nonBlank.get(i);
            boolean nearEdge = i < 6 || i >= nonBlank.size() - 8;
            int before = out.size();
            datelines(line, out);
            if (out.size() == before) {
                sourceLine(line, nearEdge, out);
            }
            List<Signal> onLine = new ArrayList<>(out.subList(before, out.size()));
            List<Signal> inText = new ArrayList<>();
            inText(line, inText);
            // "D'après AFP" is a source line and an in-text phrase at once: one piece of evidence is enough.
            inText.stream().filter(s -> onLine.stream().noneMatch(o -> o.name().equals(s.name()))).forEach(out::add);
        }
        return dedupe(out);
    }

    private void datelines(TextLines.Line line, List<Signal> out) {
        String raw = line.text();
        // Every dateline form holds "(agency)", "/agency/", or the Chinese 电 or Japanese 【: most lines hold
        // none of them and need no regex.
        if (raw.indexOf('(') < 0 && raw.indexOf('/') < 0 && raw.indexOf('（') < 0 && raw.indexOf('电') < 0 && raw.indexOf('【') < 0) {
            return;
        }
        if (caselessDateline(raw, out, line.number())) {
            return;
        }
        // "**La Habana, 3 mar (PL)** El presidente": emphasis around the dateline only.
        String plain = Rx.of("\\*{1,3}|(?<![\\p{L}\\p{N}])_{1,3}|_{1,3}(?![\\p{L}\\p{N}])").matcher(Markdown.plain(raw)).replaceAll("");
        if (plain.length() < 8) {
            return;
        }
        Matcher m = DATELINE.matcher(plain);
        if (m.find()) {
            boolean sep = m.group("sep") != null;
            boolean date = m.group("date") != null;
            String next = m.group("next");
            boolean nextCapital = next != null && (Character.isUpperCase(next.codePointAt(0)) || "«\"“—–-".contains(next));
            String agency = m.group("agency").strip();
            List<Party> parties = resolver.registered(agency);
            if (parties.isEmpty()) {
                // "Hamburg (dpa/lno) –": the agency with its regional service or an editor's initials.
                parties = resolver.codeGroup(agency).stream().map(PartyResolver.Written::party).toList();
            }
            // A registered agency needs only a separator or a capital after it: "Havana (Prensa Latina) A Cuba";
            // "Smith (AP) said" stays running text.
            if (!parties.isEmpty() && (sep || nextCapital)) {
                addAll(parties, Kind.AUTHOR, raw, line.number(), "(" + agency + ")", out);
                return;
            }
            String name = unknownAgency(agency);
            if (parties.isEmpty() && name != null && sep && (date || isUpperPlace(m.group("place")))
                    && next != null) {
                out.add(new Signal(null, name, Kind.AUTHOR, span(raw, line.number(), "(" + agency + ")")));
                return;
            }
        }
        m = DATELINE_SLASHES.matcher(plain);
        if (m.find() && addRegistered(m.group("agency"), raw, line.number(), "/" + m.group("agency") + "/", out)) {
            return;
        }
        m = DATELINE_LEADING.matcher(plain);
        if (m.find()) {
            addRegistered(m.group("agency"), raw, line.number(), "(" + m.group("agency") + ")", out);
        }
    }

    /** The dateline forms of scripts without capitals (Arabic, Hebrew, Chinese, Korean, Japanese, ...): registered agencies only. */
    private boolean caselessDateline(String raw, List<Signal> out, int lineNumber) {
        String plain = Markdown.plain(raw).strip();
        // A line starting with a letter that has case is for the dateline forms of cased scripts.
        if (plain.isEmpty() || Character.isUpperCase(plain.codePointAt(0)) || Character.isLowerCase(plain.codePointAt(0))) {
            return false;
        }
        Matcher m = DATELINE_KOREAN.matcher(plain);
        if (m.find() && addRegistered(m.group("agency").strip(), raw, lineNumber, m.group(), out)) {
            return true;
        }
        m = DATELINE_CHINESE.matcher(plain);
        if (m.find()) {
            String head = m.group("head");
            // The agency is a prefix of the run of characters: the longest registered one.
            for (int end = Math.min(head.length() - 1, 10); end >= 2; end--) {
                if (addRegistered(head.substring(0, end), raw, lineNumber, m.group(), out)) {
                    return true;
                }
            }
        }
        m = DATELINE_JAPANESE.matcher(plain);
        if (m.find()) {
            String inner = m.group("inner").strip();
            // The agency ends the bracket ("北京共同"): the longest registered suffix.
            for (int start = 0; start < inner.length() - 1; start++) {
                if (addRegistered(inner.substring(start), raw, lineNumber, m.group(), out)) {
                    return true;
                }
            }
        }
        m = DATELINE_CASELESS.matcher(plain);
        return m.find() && addRegistered(m.group("agency").strip(), raw, lineNumber, "(" + m.group("agency").strip() + ")", out);
    }

    private boolean addRegistered(String agency, String raw, int lineNumber, String evidence, List<Signal> out) {
        List<Party> parties = resolver.registered(agency);
        if (parties.isEmpty()) {
            parties = resolver.codeGroup(agency).stream().map(PartyResolver.Written::party).toList();
        }
        if (parties.isEmpty()) {
            return false;
        }
        addAll(parties, Kind.AUTHOR, raw, lineNumber, evidence, out);
        return true;
    }

    private static boolean isUpperPlace(String place) {
        String letters = Rx.of("[^\\p{L}]").matcher(place).replaceAll("");
        return letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    /** An agency name not in the registry, in a dateline: a short capitalised name, no digits, no abbreviation dots ("EE.UU."). */
    private static String unknownAgency(String agency) {
        String a = agency.strip();
        if (Rx.of("\\p{Lu}[\\p{L}\\-’' ]{1,40}").matcher(a).matches() && Rx.of("\\s+").split(a).length <= 4
                && !Rx.of("(?i).*\\b(?:photo|foto|file|archive|archivo|video|vídeo|update|actualizado|mise à jour|updated)\\b.*").matcher(a).matches()) {
            return a;
        }
        return null;
    }

    private void sourceLine(TextLines.Line line, boolean nearEdge, List<Signal> out) {
        String raw = line.text();
        String plain = Markdown.plain(raw);
        if (plain.length() > 200 || plain.length() < 4) {
            return;
        }
        Matcher m = SOURCE_LINE.matcher(plain);
        if (!m.matches()) {
            return;
        }
        String label = m.group("taken") != null ? m.group("taken") : m.group("info") != null ? m.group("info") : m.group("byline");
        // Every closing source line ("Fuente:", "Con información de", "With AFP") names where this copy's text
        // came from; only attribution inside sentences ("según EFE") is an upstream information source.
        Kind kind = m.group("byline") != null ? Kind.AUTHOR : Kind.TAKEN_FROM;
        if (m.group("byline") != null) {
            // A byline usually names a person; only a registered agency counts, on a short line.
            List<Party> parties = plain.length() <= 80 && Rx.of("\\s+").split(m.group("value")).length <= 6
                    ? resolver.registered(m.group("value")) : List.of();
            addAll(parties, Kind.AUTHOR, raw, line.number(), Markdown.stripInline(plain), out);
            return;
        }
        String value = m.group("value");
        boolean colon = m.group("colon") != null;
        boolean bare = BARE_LABEL.matcher(label.strip()).matches();
        int words = Rx.of("\\s+").split(plain).length;
        if (bare && !(colon && !Rx.of("(?i)avec|with|con|com").matcher(label).matches()) && words > 7) {
            return; // "Con el apoyo de ..." is a sentence, not a source line
        }
        if (Rx.of("(?i)v[íi]a").matcher(label).matches() && !colon && words > 5) {
            return;
        }
        String evidenceText = Markdown.stripInline(plain);
        // Without a colon, a long value is a sentence ("Source of the trouble was ... Reuters ..."), not a source.
        boolean shortValue = Rx.of("\\s+").split(value).length <= 6;
        List<Party> parties = colon || shortValue ? resolver.registered(value) : List.of();
        if (!parties.isEmpty()) {
            if (bare && words > 7) {
                return;
            }
            addAll(parties, kind, raw, line.number(), evidenceText, out);
            return;
        }
        if (bare || !nearEdge) {
            return; // an unknown name after an ordinary word, or in the middle of the text: not enough
        }
        String host = Urls.host(value.strip());
        if (host != null && Rx.of("(?i)(?:https?://|www\\.)\\S+").matcher(value.strip()).matches()) {
            out.add(new Signal(null, Urls.domainOfHost(host), kind, span(raw, line.number(), evidenceText)));
            return;
        }
        String name = PartyResolver.asName(value);
        if (name != null && (colon || kind == Kind.TAKEN_FROM)) {
            out.add(new Signal(null, name, kind, span(raw, line.number(), evidenceText)));
        }
    }

    /** Whether a line holds a Chinese, Japanese or Korean character; the script lookup only for characters from U+1100 up. */
    static boolean mayHoldCjk(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x1100 && PartyRegistry.isCjk(c)) {
                return true;
            }
        }
        return false;
    }

    private void inText(TextLines.Line line, List<Signal> out) {
        String text = line.text();
        PartyRegistry registry = resolver.registry();
        List<int[]> spans = new ArrayList<>();
        List<Party> found = new ArrayList<>();
        for (PartyRegistry.NameMatch nm : registry.findNames(text)) {
            spans.add(new int[] {nm.start(), nm.end()});
            found.add(nm.party());
        }
        int maxCodeLength = registry.maxCodeLength();
        CodeTokens.forEach(text, (s, e) -> {
            if (e - s > maxCodeLength || startsInside(spans, s)) {
                return;
            }
            String token = text.substring(s, e);
            if (!registry.isCode(token)) {
                return;
            }
            var code = registry.byNameOrCode(token);
            if (code.isPresent() && isCode(code.get(), token)) {
                spans.add(new int[] {s, e});
                found.add(code.get());
            }
        });
        int cjkFrom = spans.size();
        if (mayHoldCjk(text)) {
            for (PartyRegistry.NameMatch nm : registry.findCjkNames(text)) {
                if (!startsInside(spans, nm.start())) {
                    spans.add(new int[] {nm.start(), nm.end()});
                    found.add(nm.party());
                }
            }
        }
        for (int k = 0; k < spans.size(); k++) {
            int start = spans.get(k)[0];
            int end = spans.get(k)[1];
            if (k >= cjkFrom) {
                // Chinese, Japanese, Korean: the phrase touches the name, with no space between.
                String cjkBefore = text.substring(Math.max(0, start - 8), start);
                String cjkAfter = text.substring(end, Math.min(text.length(), end + 12));
                Matcher cjkPre = CJK_PRE_TRIGGER.matcher(cjkBefore);
                Matcher cjkPost = CJK_POST_TRIGGER.matcher(cjkAfter);
                if (cjkPre.find()) {
                    int from = start - cjkBefore.length() + cjkPre.start();
                    out.add(Signal.of(found.get(k), Kind.INFORMATION, span(text, line.number(), text.substring(from, end))));
                } else if (cjkPost.find()) {
                    out.add(Signal.of(found.get(k), Kind.INFORMATION, span(text, line.number(), text.substring(start, end + cjkPost.end()).strip())));
                }
                continue;
            }
            int windowStart = Math.max(0, start - 90);
            String before = stripFillers(text.substring(windowStart, start));
            // The longest trigger phrase is short: only the end of the window can hold it.
            int cut = Math.max(0, before.length() - 32);
            before = before.substring(cut);
            windowStart += cut;
            String after = text.substring(end, Math.min(text.length(), end + 40));
            Matcher pre = PRE_TRIGGER.matcher(before);
            Matcher post = POST_TRIGGER.matcher(after);
            String spanText;
            if (pre.find()) {
                int from = windowStart + pre.start();
                spanText = text.substring(Math.max(0, from), end).strip();
                spanText = spanText.replaceFirst("^[\\s(,;:«\"“]+", "");
            } else if (post.find() && !SPOKEN_TO.matcher(before).find()) {
                spanText = text.substring(start, end + post.end()).strip();
            } else {
                continue;
            }
            out.add(Signal.of(found.get(k), Kind.INFORMATION, span(text, line.number(), spanText)));
        }
    }

    private static boolean startsInside(List<int[]> spans, int offset) {
        for (int[] span : spans) {
            if (offset >= span[0] && offset < span[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCode(Party p, String token) {
        return p.codes().contains(token) || p.aliases().contains(token) || p.name().equals(token);
    }

    /**
     * The text before a party with trailing filler words removed ("selon l'agence chinoise " → "selon"), keeping
     * the original characters so that offsets stay right.
     */
    private static final Pattern LAST_WORD = Pattern.compile("(?:^|(?<=[\\s(«\"“'’]))([\\p{L}.\\-]+['’]?)$");

    static String stripFillers(String before) {
        String s = before;
        while (true) {
            String t = s.replaceFirst("\\s+$", "");
            Matcher last = LAST_WORD.matcher(t);
            if (!last.find()) {
                return t;
            }
            String word = Rx.of("['’]$").matcher(last.group(1).toLowerCase(Locale.ROOT)).replaceAll("");
            // Elided article glued to the next word: "l'" before the party.
            if (FILLERS.contains(word) || word.equals("l") || word.equals("d")) {
                if (word.equals("d")) {
                    return t; // d' belongs to "d'après"
                }
                s = t.substring(0, last.start(1));
                continue;
            }
            String elided = last.group(1).toLowerCase(Locale.ROOT);
            if (Rx.of("l['’]\\p{L}+").matcher(elided).matches() && FILLERS.contains(elided.substring(2))) {
                s = t.substring(0, last.start(1));
                continue;
            }
            return t;
        }
    }

    /** "Publisher" evidence in the last lines: a line that is only the outlet's name, or a copyright line. */
    List<Signal> footer(TextLines text, String canonicalHost) {
        List<Signal> out = new ArrayList<>();
        List<TextLines.Line> nonBlank = text.nonBlank();
        int seen = 0;
        for (int i = nonBlank.size() - 1; i >= 0 && seen < 3; i--) {
            TextLines.Line line = nonBlank.get(i);
            String plain = Markdown.stripInline(Markdown.plain(line.text()));
            if (plain.isEmpty() || Markdown.isRule(plain) || Rx.of("<?(?:https?://|www\\.)\\S+>?").matcher(plain).matches()
                    || Rx.of("(?i)\\[[^\\]]*\\]\\((?:https?://)\\S+\\)").matcher(plain).matches()) {
                continue;
            }
            seen++;
            Matcher c = COPYRIGHT.matcher(plain);
            String candidate = c.find() ? c.group("who") : plain;
            candidate = candidate.replaceAll("(?i)[.,]?\\s*(?:all rights reserved|todos los derechos reservados|tous droits r[ée]serv[ée]s"
                    + "|todos os direitos reservados)\\.?$", "").strip();
            if (Rx.of("\\s+").split(candidate).length > 6 || candidate.length() > 60) {
                continue;
            }
            var party = resolver.registry().byNameOrCode(PartyResolver.clean(candidate));
            if (party.isPresent()) {
                out.add(Signal.of(party.get(), Kind.PUBLISHER, span(line.text(), line.number(), plain)));
                break;
            }
            String name = PartyResolver.asName(candidate);
            if (name != null && canonicalHost != null && sameAsDomain(name, canonicalHost)) {
                out.add(new Signal(null, name, Kind.PUBLISHER, span(line.text(), line.number(), plain)));
                break;
            }
        }
        return out;
    }

    static final Pattern COPYRIGHT = Pattern.compile("(?i)(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?(?<who>.+)$");

    /** "Daily Courier" and {@code www.dailycourier.example}: the name, squeezed, is the domain's main label. */
    static boolean sameAsDomain(String name, String host) {
        String squeezed = Rx.of("[^a-z0-9]").matcher(PartyRegistry.fold(name)).replaceAll("");
        String domain = Urls.domainOfHost(host);
        String label = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
        label = Rx.of("[^a-z0-9]").matcher(label).replaceAll("");
        if (squeezed.length() < 3 || label.length() < 3) {
            return false;
        }
        return squeezed.equals(label) || (label.length() >= 5 && (squeezed.contains(label) || label.contains(squeezed)))
                || squeezed.replaceFirst("^(?:the|la|le|el|o|a)", "").equals(label);
    }

    private static void addAll(List<Party> parties, Kind kind, String raw, int line, String text, List<Signal> out) {
        for (Party p : parties) {
            out.add(Signal.of(p, kind, span(raw, line, text)));
        }
    }

    /** Evidence for {@code text} on a line: its column when it is found verbatim. */
    static Evidence span(String rawLine, int line, String text) {
        int col = rawLine.indexOf(text);
        return new Evidence(text, line, col >= 0 ? col + 1 : null, null, Evidence.IN_TEXT);
    }

    private static List<Signal> dedupe(List<Signal> signals) {
        List<Signal> out = new ArrayList<>();
        for (Signal s : signals) {
            boolean dup = out.stream().anyMatch(o -> o.name().equals(s.name()) && o.evidence().equals(s.evidence()));
            if (!dup) {
                out.add(s);
            }
        }
        return out;
    }
}
