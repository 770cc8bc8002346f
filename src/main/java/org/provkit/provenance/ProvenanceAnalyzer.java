package org.provkit.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.provkit.provenance.ChainBuilder.Weighted;
import org.provkit.provenance.Signal.Kind;

/**
 * Works out a document's language, title, URLs, attribution chain, credits and missing assets.
 *
 * <p>Text evidence carries lines of the extracted text ({@code in: "text"}, the bundle's {@code data/text/}
 * file); HTML markup evidence carries lines of the raw original ({@code in: "markup"}); metadata evidence names
 * the field. Thread-safe: one analyzer can serve many documents at once.
 */
public final class ProvenanceAnalyzer {

    /** Distinct URLs recorded per document; beyond this a warning says so. */
    static final int MAX_URLS = 2_000;
    private static final Pattern LABELLED_URL = Pattern.compile(
            "(?i)^(?:url|source\\s+url|original\\s+url|url\\s+original|url\\s+de\\s+origen|permalink|enlace(?:\\s+permanente)?"
                    + "|lien(?:\\s+permanent)?|link|adresse|dirección|endereço|article\\s+url)\\s*[:：]\\s*<?(\\S+?)>?$");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("(?<!!)\\[[^\\]]{0,500}\\]\\(\\s*<?((?:https?://|www\\.)[^)\\s>]+)>?");

    private final PartyResolver resolver;
    private final TextAttributionRules textRules;
    private final AssetRules assets;
    private final PageAnalysis pages;

    /** Starts loading what the first analysis needs (the language profiles) in the background. */
    public static void preload() {
        LanguageDetection.preload();
    }

    public ProvenanceAnalyzer() {
        this(PartyRegistry.builtIn());
    }

    /** With the user's registry file ({@code --registry FILE}) merged over the built-in one. */
    public ProvenanceAnalyzer(Path registryFile) {
        this(registryFile == null ? PartyRegistry.builtIn() : PartyRegistry.withUserFile(registryFile));
    }

    public ProvenanceAnalyzer(PartyRegistry registry) {
        this.resolver = new PartyResolver(registry);
        this.textRules = new TextAttributionRules(resolver);
        this.assets = new AssetRules(resolver);
        this.pages = new PageAnalysis(resolver, textRules);
    }

    public PartyRegistry registry() {
        return resolver.registry();
    }

    /** Never throws for bad content: every problem becomes a warning in the result. */
    public DocumentProvenance analyze(SourceDocument document) {
        try {
            return analyzeOrThrow(document);
        } catch (RuntimeException | StackOverflowError e) {
            // A rule tripping over odd content must not lose the document: record an empty result and why.
            return new DocumentProvenance(null, null, null, List.of(), new DocumentProvenance.Attribution(List.of()),
                    List.of(), List.of(), List.of(), List.of("provenance analysis failed: " + e));
        }
    }

    private DocumentProvenance analyzeOrThrow(SourceDocument document) {
        List<String> warnings = new ArrayList<>();
        Map<String, List<String>> metadata = document.metadata() == null ? Map.of() : document.metadata();
        String mediaType = document.mediaType() == null ? "" : document.mediaType().toLowerCase(Locale.ROOT);
        TextLines text = readText(document.textFile(), warnings);
        HtmlFacts html = null;
        org.provkit.page.HtmlPage page = null;
        if (isHtml(mediaType, document.path()) && document.file() != null) {
            try {
                page = org.provkit.page.HtmlPage.read(document.file(), first(metadata, "Content-Type"));
                html = HtmlFacts.of(page.document());
                if (page.cut()) {
                    warnings.add("HTML markup analysed only in its first " + (org.provkit.page.HtmlPage.MAX_HTML_BYTES >> 20) + " MB");
                }
            } catch (IOException | RuntimeException e) {
                warnings.add("HTML markup not readable: " + e.getMessage());
                page = null;
                html = null;
            }
        }

        List<UrlRef> urls = new ArrayList<>();
        UrlRef canonical = canonical(html, text, metadata, urls);
        // A capture's own address stands in for the canonical URL its page does not declare.
        UrlRef captured = document.capturedUrl() == null ? null
                : Urls.ref(document.capturedUrl(), UrlRef.CAPTURED, null, Evidence.IN_METADATA);
        UrlRef address = canonical != null ? canonical : captured;
        String canonicalHost = address == null ? null : Urls.host(address.url());

        List<Credit> credits = new ArrayList<>();
        List<MissingAsset> missing = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<Hop> chain;
        PageAnalysis.Result pageResult = null;
        if (page != null) {
            // A web page: its structure says who wrote it; the loose lines of its text (menus, teasers, footers) do not.
            List<String> hosts = new ArrayList<>();
            hosts.add(canonicalHost);
            for (HtmlFacts.Located o : html.ogUrl()) {
                String h = Urls.host(o.value());
                if (h != null && !h.equals(canonicalHost) && !hosts.contains(h)) {
                    hosts.add(h);
                }
            }
            pageResult = pages.analyze(page, hosts, warnings);
            credits.addAll(pageResult.credits());
            missing.addAll(AssetRules.attachCredits(
                    assets.textMissing(text, document.path(), document.siblingPaths(), document.file(), urls), List.of()));
            missing.addAll(assets.htmlMissing(html, document.path(), document.siblingPaths(), document.file(), urls, credits,
                    captured == null ? null : captured.url()));
            authors.addAll(pageResult.authors());
            chain = pageResult.chain();
        } else {
            List<AssetRules.LineCredit> lineCredits = assets.textCredits(text);
            credits.addAll(lineCredits.stream().map(AssetRules.LineCredit::credit).toList());
            missing.addAll(AssetRules.attachCredits(
                    assets.textMissing(text, document.path(), document.siblingPaths(), document.file(), urls), lineCredits));
            if (html != null) {
                missing.addAll(assets.htmlMissing(html, document.path(), document.siblingPaths(), document.file(), urls, credits,
                        captured == null ? null : captured.url()));
                figcaptionCredits(html, credits);
            }
            if (document.file() != null && OoxmlRelationships.isOoxml(mediaType, document.path())) {
                missing.addAll(AssetRules.ooxmlMissing(OoxmlRelationships.read(document.file(), warnings), urls));
            }
            credits.addAll(assets.metadataCredits(metadata, mediaType));

            List<Signal> sources = new ArrayList<>(textRules.find(text));
            List<Weighted> publishers = new ArrayList<>();
            publisherFromUrl(address, publishers);
            if (html != null) {
                htmlSignals(html, canonical, canonicalHost, sources, publishers, authors);
            } else {
                for (String site : metadata.getOrDefault("og:site_name", List.of())) {
                    publishers.add(new Weighted(named(site, Kind.PUBLISHER, Evidence.metadata(site, "og:site_name")), 3));
                }
            }
            if (html == null) {
                // In HTML the last text lines are site chrome (menus, partner links); its <footer> was read above.
                for (Signal s : textRules.footer(text, canonicalHost)) {
                    publishers.add(new Weighted(s, 2));
                }
            }
            metadataSignals(metadata, publishers, sources, authors, html != null);
            chain = ChainBuilder.build(sources, publishers, warnings);
        }

        if (html != null) {
            markupLinks(html, address, urls);
        }
        textUrls(text, urls);
        List<UrlRef> distinct = distinct(urls, warnings);
        if (captured != null) {
            distinct.add(0, captured);
        }

        String language = pageResult != null && pageResult.articleText().length() >= 200
                ? language(TextLines.of(pageResult.articleText()), html, metadata, warnings)
                : language(text, html, metadata, warnings);
        String[] title = title(text, html, metadata, chain);
        if (text.skippedMiddle()) {
            warnings.add("large text: only the first " + (TextLines.DEFAULT_HEAD_BYTES >> 20) + " MB and last "
                    + (TextLines.DEFAULT_TAIL_BYTES >> 20) + " MB were analysed");
        }
        if (text.anyTruncated()) {
            warnings.add("some lines longer than " + TextLines.DEFAULT_MAX_LINE_CHARS + " characters were analysed only in part");
        }
        return new DocumentProvenance(language, title[0], title[1], distinct, new DocumentProvenance.Attribution(chain),
                dedupeCredits(credits), missing, authors.stream().distinct().toList(), warnings);
    }

    /** False only when the line cannot hold "http://", "https://" or "www." (any case): then it needs no URL regex. */
    static boolean mayHoldUrl(String line) {
        if (line.contains("://")) {
            return true;
        }
        for (int dot = line.indexOf('.', 3); dot >= 0; dot = line.indexOf('.', dot + 1)) {
            if (line.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static TextLines readText(Path textFile, List<String> warnings) {
        if (textFile == null) {
            warnings.add("no extracted text");
            return TextLines.of("");
        }
        try {
            return TextLines.read(textFile);
        } catch (IOException | RuntimeException e) {
            warnings.add("extracted text not readable: " + e.getMessage());
            return TextLines.of("");
        }
    }

    private static boolean isHtml(String mediaType, String path) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")
                || (mediaType.isEmpty() && path != null && Rx.of(".*\\.x?html?$").matcher(path.toLowerCase(Locale.ROOT)).matches());
    }

    private static String first(Map<String, List<String>> metadata, String key) {
        List<String> v = metadata.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    // ---- URLs

    /** The copy's own address: rel=canonical, og:url, else a URL standing alone near the end (or start) of the text. */
    private UrlRef canonical(HtmlFacts html, TextLines text, Map<String, List<String>> metadata, List<UrlRef> urls) {
        if (html != null) {
            String ogUrl = html.ogUrl().isEmpty() ? null : html.ogUrl().get(0).value();
            for (HtmlFacts.Located c : html.canonical()) {
                String abs = absolute(c.value(), ogUrl != null ? ogUrl : html.baseHref());
                if (abs != null) {
                    UrlRef ref = Urls.ref(abs, UrlRef.CANONICAL, c.line(), Evidence.IN_MARKUP);
                    urls.add(ref);
                    html.ogUrl().forEach(o -> urls.add(Urls.ref(o.value(), UrlRef.LINK, o.line(), Evidence.IN_MARKUP)));
                    return ref;
                }
            }
            for (HtmlFacts.Located o : html.ogUrl()) {
                if (AssetRules.isExternal(o.value())) {
                    UrlRef ref = Urls.ref(o.value(), UrlRef.CANONICAL, o.line(), Evidence.IN_MARKUP);
                    urls.add(ref);
                    return ref;
                }
            }
            return null;
        }
        String og = first(metadata, "og:url");
        if (og != null && AssetRules.isExternal(og)) {
            UrlRef ref = Urls.ref(og, UrlRef.CANONICAL, null, Evidence.IN_METADATA);
            urls.add(ref);
            return ref;
        }
        List<TextLines.Line> lines = text.nonBlank();
        for (TextLines.Line l : lines) {
            Matcher m = LABELLED_URL.matcher(Markdown.plain(l.text()));
            if (m.matches() && AssetRules.isExternal(m.group(1)) || m.matches() && m.group(1).startsWith("www.")) {
                UrlRef ref = Urls.ref(m.group(1), UrlRef.CANONICAL, l.number(), Evidence.IN_TEXT);
                urls.add(ref);
                return ref;
            }
        }
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 10); i--) {
            String u = standaloneUrl(lines.get(i).text());
            if (u != null) {
                UrlRef ref = Urls.ref(u, UrlRef.CANONICAL, lines.get(i).number(), Evidence.IN_TEXT);
                urls.add(ref);
                return ref;
            }
        }
        for (int i = 0; i < Math.min(5, lines.size()); i++) {
            String u = standaloneUrl(lines.get(i).text());
            if (u != null) {
                UrlRef ref = Urls.ref(u, UrlRef.CANONICAL, lines.get(i).number(), Evidence.IN_TEXT);
                urls.add(ref);
                return ref;
            }
        }
        return null;
    }

    /** The URL when the line is nothing else ({@code <https://…>}, a bare URL, or a Markdown link to itself). */
    static String standaloneUrl(String line) {
        String plain = Markdown.plain(line);
        List<Urls.Found> found = Urls.find(plain);
        if (found.size() != 1) {
            return null;
        }
        Urls.Found f = found.get(0);
        String rest = Rx.of("[<>\\[\\]()\\s]").matcher((plain.substring(0, f.start()) + plain.substring(f.end()))).replaceAll("");
        return rest.isEmpty() && (f.url().startsWith("http") || f.url().startsWith("www.")) ? f.url() : null;
    }

    private static String absolute(String href, String base) {
        if (AssetRules.isExternal(href)) {
            return href.startsWith("//") ? "https:" + href : href;
        }
        if (base == null || !AssetRules.isExternal(base)) {
            return null;
        }
        try {
            return java.net.URI.create(base).resolve(href.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every {@code <a href>}: absolute, or resolved against the canonical URL (or base) when there is one. */
    private static void markupLinks(HtmlFacts html, UrlRef canonical, List<UrlRef> urls) {
        String base = html.baseHref() != null && AssetRules.isExternal(html.baseHref()) ? html.baseHref()
                : canonical == null ? null : canonical.url();
        for (HtmlFacts.Located a : html.links()) {
            if (urls.size() > MAX_URLS * 2) {
                return;
            }
            String href = a.value();
            if (href.isEmpty() || href.startsWith("#") || href.regionMatches(true, 0, "javascript:", 0, 11)
                    || href.regionMatches(true, 0, "mailto:", 0, 7) || href.regionMatches(true, 0, "tel:", 0, 4)) {
                continue;
            }
            String abs = absolute(href, base);
            if (abs != null) {
                urls.add(Urls.ref(abs, UrlRef.LINK, a.line(), Evidence.IN_MARKUP));
            }
        }
    }

    private static void textUrls(TextLines text, List<UrlRef> urls) {
        for (TextLines.Line l : text.lines()) {
            if (urls.size() > MAX_URLS * 2) {
                return;
            }
            List<String> linked = new ArrayList<>();
            // Every Markdown link holds "](": most lines hold none, and the regex (a lookbehind first)
            // would try every offset of them.
            if (l.text().contains("](")) {
                Matcher m = MARKDOWN_LINK.matcher(l.text());
                while (m.find()) {
                    linked.add(m.group(1));
                    urls.add(Urls.ref(m.group(1), UrlRef.LINK, l.number(), Evidence.IN_TEXT));
                }
            }
            for (Urls.Found f : Urls.find(l.text())) {
                if (!linked.contains(f.url())) {
                    urls.add(Urls.ref(f.url(), UrlRef.MENTIONED, l.number(), Evidence.IN_TEXT));
                }
            }
        }
    }

    private static List<UrlRef> distinct(List<UrlRef> urls, List<String> warnings) {
        Map<String, UrlRef> byNormalized = new LinkedHashMap<>();
        for (UrlRef u : urls) {
            UrlRef old = byNormalized.get(u.normalized());
            if (old == null || UrlRef.rank(u.role()) < UrlRef.rank(old.role())) {
                if (old == null && byNormalized.size() >= MAX_URLS) {
                    continue;
                }
                byNormalized.put(u.normalized(), u);
            }
        }
        if (urls.stream().map(UrlRef::normalized).distinct().count() > MAX_URLS) {
            warnings.add("more than " + MAX_URLS + " distinct URLs: only the first " + MAX_URLS + " recorded");
        }
        List<UrlRef> out = new ArrayList<>(byNormalized.values());
        out.sort((a, b) -> Integer.compare(UrlRef.rank(a.role()), UrlRef.rank(b.role())));
        return out;
    }

    // ---- attribution signals outside the text

    private void publisherFromUrl(UrlRef canonical, List<Weighted> publishers) {
        if (canonical == null) {
            return;
        }
        String host = Urls.host(canonical.url());
        if (host == null) {
            return;
        }
        Evidence ev = new Evidence(host, canonical.line(), null, "url host", canonical.in());
        Optional<Party> p = resolver.registry().byHost(host);
        publishers.add(new Weighted(p.map(party -> Signal.of(party, Kind.PUBLISHER, ev))
                .orElseGet(() -> new Signal(null, Urls.domainOfHost(host), Kind.PUBLISHER, ev)), 3));
    }

    private void htmlSignals(HtmlFacts html, UrlRef canonical, String canonicalHost, List<Signal> sources,
            List<Weighted> publishers, List<String> authors) {
        if (canonical == null || !canonical.role().equals(UrlRef.CANONICAL) || html.canonical().isEmpty()) {
            // og:url already served as canonical, or there is none
        } else {
            for (HtmlFacts.Located o : html.ogUrl()) {
                String host = Urls.host(o.value());
                if (host != null && !host.equals(canonicalHost)) {
                    Evidence ev = Evidence.markup(host, o.line(), "og:url host");
                    Optional<Party> p = resolver.registry().byHost(host);
                    publishers.add(new Weighted(p.map(x -> Signal.of(x, Kind.PUBLISHER, ev))
                            .orElseGet(() -> new Signal(null, Urls.domainOfHost(host), Kind.PUBLISHER, ev)), 2));
                }
            }
        }
        for (HtmlFacts.Located s : html.siteName()) {
            publishers.add(new Weighted(named(s.value(), Kind.PUBLISHER, Evidence.markup(s.value(), s.line(), s.field())), 3));
        }
        for (HtmlFacts.Located s : html.jsonLdPublishers()) {
            publishers.add(new Weighted(named(s.value(), Kind.PUBLISHER, Evidence.markup(s.value(), s.line(), s.field())), 3));
        }
        for (HtmlFacts.Located s : html.metaPublisher()) {
            if (!AssetRules.isExternal(s.value())) {
                publishers.add(new Weighted(named(s.value(), Kind.PUBLISHER, Evidence.markup(s.value(), s.line(), s.field())), 2));
            }
        }
        for (HtmlFacts.Located s : html.jsonLdSources()) {
            sources.add(named(s.value(), Kind.AUTHOR, Evidence.markup(s.value(), s.line(), s.field())));
        }
        for (HtmlFacts.Located s : html.jsonLdAuthorOrganizations()) {
            sources.add(named(s.value(), Kind.AUTHOR, Evidence.markup(s.value(), s.line(), s.field())));
        }
        // Google News' meta tags: original-source is where the story first appeared, syndication-source
        // the feed this copy was taken from.
        List<HtmlFacts.Located> basedOn = new ArrayList<>(html.jsonLdBasedOn());
        basedOn.addAll(html.syndicationSource());
        for (HtmlFacts.Located s : html.originalSource()) {
            Evidence ev = Evidence.markup(s.value(), s.line(), s.field());
            String host = AssetRules.isExternal(s.value()) ? Urls.host(s.value()) : null;
            if (host != null) {
                sources.add(resolver.registry().byHost(host).map(p -> Signal.of(p, Kind.AUTHOR, ev))
                        .orElseGet(() -> new Signal(null, Urls.domainOfHost(host), Kind.AUTHOR, ev)));
            }
        }
        for (HtmlFacts.Located s : basedOn) {
            Evidence ev = Evidence.markup(s.value(), s.line(), s.field());
            if (AssetRules.isExternal(s.value())) {
                String host = Urls.host(s.value());
                if (host != null) {
                    sources.add(resolver.registry().byHost(host).map(p -> Signal.of(p, Kind.TAKEN_FROM, ev))
                            .orElseGet(() -> new Signal(null, Urls.domainOfHost(host), Kind.TAKEN_FROM, ev)));
                }
            } else {
                sources.add(named(s.value(), Kind.TAKEN_FROM, ev));
            }
        }
        List<HtmlFacts.Located> people = new ArrayList<>(html.authors());
        people.addAll(html.jsonLdAuthorPersons());
        for (HtmlFacts.Located a : people) {
            List<Party> parties = resolver.registered(a.value());
            if (!parties.isEmpty() && resolver.registry().byNameOrCode(PartyResolver.clean(a.value())).isPresent()) {
                parties.forEach(p -> sources.add(Signal.of(p, Kind.AUTHOR, Evidence.markup(a.value(), a.line(), a.field()))));
            } else {
                authors.add(a.value());
            }
        }
        String siteName = html.siteName().isEmpty() ? null : html.siteName().get(0).value();
        for (HtmlFacts.Located f : html.footer()) {
            Matcher c = TextAttributionRules.COPYRIGHT.matcher(f.value());
            if (!c.find()) {
                continue;
            }
            String who = c.group("who").replaceAll("(?i)[.,]?\\s*(?:all rights reserved|todos los derechos reservados|tous droits r[ée]serv[ée]s"
                    + "|todos os direitos reservados)\\.?.*$", "").strip();
            who = PartyResolver.clean(who);
            Evidence ev = Evidence.markup(c.group().strip(), f.line(), "footer");
            Optional<Party> p = resolver.registry().byNameOrCode(who);
            if (p.isPresent()) {
                publishers.add(new Weighted(Signal.of(p.get(), Kind.PUBLISHER, ev), 2));
            } else if (PartyResolver.asName(who) != null && (canonicalHost != null && TextAttributionRules.sameAsDomain(who, canonicalHost)
                    || siteName != null && PartyRegistry.fold(who).equals(PartyRegistry.fold(siteName)))) {
                publishers.add(new Weighted(new Signal(null, PartyResolver.asName(who), Kind.PUBLISHER, ev), 2));
            }
        }
    }

    private void metadataSignals(Map<String, List<String>> metadata, List<Weighted> publishers, List<Signal> sources,
            List<String> authors, boolean markupRead) {
        for (String p : metadata.getOrDefault("dc:publisher", List.of())) {
            if (p != null && !p.isBlank()) {
                publishers.add(new Weighted(named(p.strip(), Kind.PUBLISHER, Evidence.metadata(p.strip(), "dc:publisher")), 1));
            }
        }
        // For HTML, Tika's dc:creator is the meta author already read from the markup.
        for (String c : markupRead ? List.<String>of() : metadata.getOrDefault("dc:creator", List.<String>of())) {
            if (c == null || c.isBlank()) {
                continue;
            }
            Optional<Party> p = resolver.registry().byNameOrCode(PartyResolver.clean(c));
            if (p.isPresent()) {
                sources.add(Signal.of(p.get(), Kind.AUTHOR, Evidence.metadata(c.strip(), "dc:creator")));
            } else if (!authors.contains(c.strip())) {
                authors.add(c.strip());
            }
        }
    }

    /** A signal for a value of an explicit field: the registered party if any, else the value as a name. */
    private Signal named(String value, Kind kind, Evidence evidence) {
        List<Party> parties = resolver.registered(value);
        Optional<Party> exact = resolver.registry().byNameOrCode(PartyResolver.clean(value));
        if (exact.isPresent()) {
            return Signal.of(exact.get(), kind, evidence);
        }
        if (parties.size() == 1 && PartyResolver.clean(value).length() <= 60) {
            return Signal.of(parties.get(0), kind, evidence);
        }
        return new Signal(null, PartyResolver.clean(value), kind, evidence);
    }

    // ---- credits, language, title

    private void figcaptionCredits(HtmlFacts html, List<Credit> credits) {
        for (HtmlFacts.Located f : html.figcaptions()) {
            var c = CreditRules.inLine(f.value()).filter(x -> !x.loose() || !resolver.registered(x.who()).isEmpty())
                    .or(() -> CreditRules.copyrightInCaption(f.value()));
            if (c.isPresent()) {
                String span = f.value().substring(c.get().start(), Math.min(f.value().length(), c.get().end())).strip();
                Credit cr = assets.credit(c.get().asset(), c.get().who(), Evidence.markup(span, f.line(), "figcaption"));
                boolean known = credits.stream().anyMatch(k -> k.party().equals(cr.party()) && k.evidence().text().equals(span));
                if (!known) {
                    credits.add(cr);
                }
            }
        }
    }

    /** One credit per party and credit text: the same line found in the text and in the markup is one credit. */
    private static List<Credit> dedupeCredits(List<Credit> credits) {
        List<Credit> out = new ArrayList<>();
        for (Credit c : credits) {
            String t = Rx.of("\\s+").matcher(PartyRegistry.fold(c.evidence().text())).replaceAll(" ").strip();
            boolean dup = out.stream().anyMatch(o -> o.party().equals(c.party()) && o.asset().equals(c.asset())
                    && Rx.of("\\s+").matcher(PartyRegistry.fold(o.evidence().text())).replaceAll(" ").strip().equals(t));
            if (!dup) {
                out.add(c);
            }
        }
        return out;
    }

    private static String language(TextLines text, HtmlFacts html, Map<String, List<String>> metadata, List<String> warnings) {
        StringBuilder sample = new StringBuilder();
        for (TextLines.Line l : text.lines()) {
            if (sample.length() >= LanguageDetection.MAX_CHARS) {
                break;
            }
            String plain = Markdown.plain(l.text());
            if (plain.isBlank() || standaloneUrl(plain) != null) {
                continue;
            }
            sample.append(mayHoldUrl(plain) ? Rx.of("(?i)\\b(?:https?://|www\\.)\\S+").matcher(plain).replaceAll(" ") : plain).append('\n');
        }
        String declared = html != null && html.lang() != null ? html.lang()
                : first(metadata, "dc:language") != null ? first(metadata, "dc:language") : first(metadata, "Content-Language");
        boolean wellFormed = declared != null && Rx.of("(?i)[a-z]{2}(?:[-_].*)?").matcher(declared.strip()).matches();
        String declaredCode = wellFormed ? declared.strip().substring(0, 2).toLowerCase(Locale.ROOT) : null;
        String detected = sample.length() == 0 ? null : LanguageDetection.detect(sample.toString(), declaredCode);
        if (detected != null) {
            return detected;
        }
        if (declaredCode != null) {
            warnings.add("language not detectable from the text; taken from the document's declaration \"" + declared.strip() + "\"");
            return declaredCode;
        }
        warnings.add("language not detected: too little text");
        return null;
    }

    /** {title, where it came from}. */
    private String[] title(TextLines text, HtmlFacts html, Map<String, List<String>> metadata, List<Hop> chain) {
        String meta = first(metadata, "dc:title");
        if (html != null) {
            String t = meta != null && !meta.isBlank() ? meta : html.title();
            if (t != null && !t.isBlank()) {
                List<String> siteNames = new ArrayList<>(html.siteName().stream().map(HtmlFacts.Located::value).toList());
                if (!chain.isEmpty() && chain.get(chain.size() - 1).role().equals(Hop.PUBLISHER)) {
                    siteNames.add(chain.get(chain.size() - 1).party());
                    resolver.registry().byName(chain.get(chain.size() - 1).party()).ifPresent(p -> siteNames.addAll(p.aliases()));
                }
                return new String[] {stripSiteSuffix(t.strip(), siteNames), "metadata dc:title"};
            }
            if (html.h1() != null && !html.h1().isBlank()) {
                return new String[] {html.h1(), "h1"};
            }
            if (html.jsonLdHeadline() != null) {
                return new String[] {html.jsonLdHeadline(), "json-ld headline"};
            }
        } else if (meta != null && !meta.isBlank()) {
            return new String[] {meta.strip(), "metadata dc:title"};
        }
        List<TextLines.Line> lines = text.nonBlank();
        for (int i = 0; i < Math.min(20, lines.size()); i++) {
            String h = Markdown.heading(lines.get(i).text());
            if (h != null && !Markdown.stripInline(h).isBlank()) {
                return new String[] {Markdown.stripInline(Markdown.plain(h)), "markdown heading"};
            }
        }
        if (html == null && !lines.isEmpty()) {
            String firstLine = Markdown.stripInline(Markdown.plain(lines.get(0).text()));
            int firstNumber = lines.get(0).number();
            boolean isEvidence = chain.stream().flatMap(h -> h.evidence().stream())
                    .anyMatch(e -> Evidence.IN_TEXT.equals(e.in()) && e.line() != null && e.line() == firstNumber);
            boolean titleLike = !isEvidence && firstLine.length() >= 3 && firstLine.length() <= 200 && !firstLine.endsWith(".")
                    && standaloneUrl(firstLine) == null && Placeholders.inLine(firstLine).isEmpty()
                    && CreditRules.inLine(firstLine).isEmpty() && !Markdown.isRule(firstLine)
                    && firstLine.codePoints().anyMatch(Character::isLetter) && lines.size() > 1;
            if (titleLike) {
                return new String[] {firstLine, "first line"};
            }
        }
        return new String[] {null, null};
    }

    /** "Rail line reopens | Daily Courier" → "Rail line reopens", only when the suffix is the site's own name. */
    static String stripSiteSuffix(String title, List<String> siteNames) {
        Matcher m = Rx.of("^(.+?)\\s+(?:\\||-|–|—|::|·|•)\\s+([^|–—]+)$").matcher(title);
        if (m.matches()) {
            String suffix = PartyRegistry.fold(m.group(2).strip());
            for (String s : siteNames) {
                if (PartyRegistry.fold(s.strip()).equals(suffix)) {
                    return m.group(1).strip();
                }
            }
        }
        return title;
    }
}
