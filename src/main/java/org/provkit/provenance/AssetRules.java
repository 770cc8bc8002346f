package org.provkit.provenance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Credits and missing assets: converter placeholders, local references not in the bundle, OOXML relationships. */
final class AssetRules {

    /** How many lines a credit may stand away from the placeholder it belongs to. */
    static final int CREDIT_DISTANCE = 6;
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]{0,300}\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Set<String> IPTC_CREDIT_KEYS = Set.of("photoshop:Credit", "Iptc4xmpCore:CreditLine", "IPTC:Credit",
            "Credit", "plus:ImageCreator", "photoshop:Source", "IPTC:Source");

    private final PartyResolver resolver;

    AssetRules(PartyResolver resolver) {
        this.resolver = resolver;
    }

    /** A credit with the line it stands on (for placing it next to a placeholder). */
    record LineCredit(Credit credit, int line) {
    }

    List<LineCredit> textCredits(TextLines text) {
        List<LineCredit> out = new ArrayList<>();
        for (TextLines.Line line : text.nonBlank()) {
            CreditRules.inLine(line.text()).filter(f -> !f.loose() || !resolver.registered(f.who()).isEmpty()).ifPresent(f -> {
                String span = line.text().substring(f.start(), Math.min(line.text().length(), f.end()));
                span = Markdown.stripInline(span);
                out.add(new LineCredit(credit(f.asset(), f.who(), TextAttributionRules.span(line.text(), line.number(), span)),
                        line.number()));
            });
        }
        return out;
    }

    Credit credit(String asset, String who, Evidence evidence) {
        List<Party> parties = resolver.registered(who);
        if (parties.size() == 1) {
            return new Credit(asset, parties.get(0).name(), evidence, true);
        }
        if (parties.isEmpty()) {
            // "Foto: Juan Pérez/ACN": the agency part when one part is registered.
            for (String part : CreditRules.parts(who)) {
                List<Party> p = resolver.registered(part);
                if (p.size() == 1) {
                    return new Credit(asset, p.get(0).name(), evidence, true);
                }
            }
        }
        return new Credit(asset, who, evidence, false);
    }

    List<Credit> metadataCredits(Map<String, List<String>> metadata, String mediaType) {
        List<Credit> out = new ArrayList<>();
        if (metadata == null) {
            return out;
        }
        boolean image = mediaType != null && mediaType.startsWith("image/");
        for (String key : IPTC_CREDIT_KEYS.stream().sorted().toList()) {
            if (!image && (key.equals("Credit") || key.equals("IPTC:Source"))) {
                continue;
            }
            List<String> values = metadata.get(key);
            if (values != null) {
                for (String v : values) {
                    if (v != null && !v.isBlank()) {
                        out.add(credit("image", v.strip(), Evidence.metadata(v.strip(), key)));
                    }
                }
            }
        }
        return out;
    }

    /** Converter placeholders and Markdown images pointing to files not in the bundle. */
    List<MissingAsset> textMissing(TextLines text, String docPath, Set<String> siblings, Path file, List<UrlRef> urls) {
        List<MissingAsset> out = new ArrayList<>();
        for (TextLines.Line line : text.lines()) {
            for (Placeholders.Found f : Placeholders.inLine(line.text())) {
                out.add(new MissingAsset(f.kind(), f.marker(), line.number(), null, "placeholder", null, null, Evidence.IN_TEXT));
            }
            if (!line.text().contains("](")) {
                continue; // every Markdown image holds "](": most lines hold none
            }
            Matcher m = MARKDOWN_IMAGE.matcher(line.text());
            while (m.find()) {
                String ref = m.group(1);
                if (isExternal(ref)) {
                    urls.add(Urls.ref(ref, UrlRef.IMAGE, line.number(), Evidence.IN_TEXT));
                } else if (!ref.startsWith("data:")) {
                    String target = resolveLocal(docPath, ref);
                    if (!present(target, siblings, file, ref)) {
                        out.add(new MissingAsset("image", ref, line.number(), null, "reference", target, null, Evidence.IN_TEXT));
                    }
                }
            }
        }
        return out;
    }

    /** Every credit within {@link #CREDIT_DISTANCE} lines of a missing asset, the nearest (after first) winning. */
    static List<MissingAsset> attachCredits(List<MissingAsset> missing, List<LineCredit> credits) {
        List<MissingAsset> out = new ArrayList<>();
        for (MissingAsset a : missing) {
            if (a.credit() != null || a.line() == null || !Evidence.IN_TEXT.equals(a.in())) {
                out.add(a);
                continue;
            }
            LineCredit best = null;
            int bestScore = Integer.MAX_VALUE;
            for (LineCredit c : credits) {
                int d = c.line() - a.line();
                if (Math.abs(d) > CREDIT_DISTANCE || !c.credit().asset().equals(a.kind())
                        && !(a.kind().equals("image") && c.credit().asset().equals("graphic"))) {
                    continue;
                }
                // A credit under the picture is the usual layout: prefer it over one above at the same distance.
                int score = d >= 0 ? 2 * d : 2 * -d + 1;
                if (score < bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            out.add(best == null ? a : a.withCredit(best.credit().party()));
        }
        return out;
    }

    /**
     * Images in raw HTML whose local file is not in the bundle; absolute ones become image URLs. A captured page
     * ({@code pageUrl}) has no local files: its references resolve against its URL (the crawl decides what is lost).
     */
    List<MissingAsset> htmlMissing(HtmlFacts html, String docPath, Set<String> siblings, Path file, List<UrlRef> urls,
            List<Credit> credits, String pageUrl) {
        List<MissingAsset> out = new ArrayList<>();
        boolean externalBase = html.baseHref() != null && isExternal(html.baseHref());
        String base = externalBase ? html.baseHref() : pageUrl;
        for (HtmlFacts.Image img : html.images()) {
            List<String> localTargets = new ArrayList<>();
            boolean anyPresent = false;
            HtmlFacts.Located first = null;
            for (HtmlFacts.Located ref : img.references()) {
                String v = ref.value();
                if (v.startsWith("data:") || v.isBlank() || v.startsWith("#")) {
                    anyPresent |= v.startsWith("data:");
                    continue;
                }
                if (isExternal(v) || base != null) {
                    String abs = isExternal(v) ? (v.startsWith("//") ? "https:" + v : v) : resolveAgainst(base, v);
                    urls.add(Urls.ref(abs, UrlRef.IMAGE, ref.line(), Evidence.IN_MARKUP));
                    anyPresent = true; // an external reference, not a loss
                    continue;
                }
                String target = resolveLocal(docPath, v);
                if (present(target, siblings, file, v)) {
                    anyPresent = true;
                } else {
                    localTargets.add(target);
                    if (first == null) {
                        first = ref;
                    }
                }
            }
            if (!anyPresent && first != null) {
                String credit = null;
                for (HtmlFacts.Located near : img.nearbyText()) {
                    var c = CreditRules.inLine(near.value()).filter(f -> !f.loose() || !resolver.registered(f.who()).isEmpty())
                            .or(() -> CreditRules.copyrightInCaption(near.value()));
                    if (c.isPresent()) {
                        String span = near.value().substring(c.get().start(), Math.min(near.value().length(), c.get().end()));
                        Credit cr = credit(c.get().asset(), c.get().who(), Evidence.markup(span.strip(), near.line(), near.field()));
                        credit = cr.party();
                        boolean known = credits.stream().anyMatch(k -> k.party().equals(cr.party())
                                && k.evidence().text().equals(cr.evidence().text()));
                        if (!known) {
                            credits.add(cr);
                        }
                        break;
                    }
                }
                String kind = img.element().equals("video") || img.element().equals("audio") ? img.element() : "image";
                out.add(new MissingAsset(kind, first.value(), first.line(), credit, "reference", localTargets.get(0), null,
                        Evidence.IN_MARKUP));
            }
        }
        return out;
    }

    /** Linked-only media and relationships to absent parts of an OOXML package; hyperlinks become URLs. */
    static List<MissingAsset> ooxmlMissing(List<OoxmlRelationships.Relationship> rels, List<UrlRef> urls) {
        List<MissingAsset> out = new ArrayList<>();
        for (OoxmlRelationships.Relationship r : rels) {
            String kind = r.assetKind();
            if (r.hyperlink() && r.external() && isExternal(r.target())) {
                urls.add(new UrlRef(r.target(), UrlRef.LINK, Urls.normalize(r.target()), Urls.domain(r.target()), null, "package"));
            }
            if (kind == null) {
                continue;
            }
            String location = r.relsPart() + "#" + r.id();
            if (r.external()) {
                if (isExternal(r.target())) {
                    urls.add(new UrlRef(r.target(), UrlRef.IMAGE, Urls.normalize(r.target()), Urls.domain(r.target()), null, "package"));
                }
                out.add(new MissingAsset(kind, r.target(), null, null, "ooxml-external", r.target(), location, "package"));
            } else if (!r.partPresent()) {
                out.add(new MissingAsset(kind, r.target(), null, null, "ooxml-missing-part",
                        OoxmlRelationships.resolve(OoxmlRelationships.sourceFolder(r.relsPart()), r.target()), location, "package"));
            }
        }
        return out;
    }

    static boolean isExternal(String ref) {
        String r = ref.strip().toLowerCase(Locale.ROOT);
        return r.startsWith("http://") || r.startsWith("https://") || r.startsWith("//") || r.startsWith("ftp://");
    }

    private static String resolveAgainst(String base, String ref) {
        try {
            return java.net.URI.create(base.strip()).resolve(ref.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return ref;
        }
    }

    /**
     * A reference resolved against the document's recorded path ({@code samples/a.html} + {@code images/b.jpg} →
     * {@code samples/images/b.jpg}); query and fragment dropped, percent-escapes decoded. A root-relative
     * reference is taken relative to the bundle root.
     */
    static String resolveLocal(String docPath, String ref) {
        String r = ref.strip();
        int cut = indexOfAny(r, "?#");
        if (cut >= 0) {
            r = r.substring(0, cut);
        }
        try {
            r = URLDecoder.decode(r.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%': keep the reference as written
        }
        if (r.regionMatches(true, 0, "file:", 0, 5)) {
            r = r.substring(5).replaceFirst("^/+", "/");
        }
        String dir = docPath == null || !docPath.contains("/") ? "" : docPath.substring(0, docPath.lastIndexOf('/') + 1);
        String path = r.startsWith("/") ? r.substring(1) : dir + r;
        List<String> segs = new ArrayList<>();
        for (String s : path.replace('\\', '/').split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!segs.isEmpty()) {
                    segs.remove(segs.size() - 1);
                }
            } else {
                segs.add(s);
            }
        }
        return Normalizer.normalize(String.join("/", segs), Normalizer.Form.NFC);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the bundle holds the target. With no sibling list (a lone document), the file system next to
     * the original decides.
     */
    private static boolean present(String target, Set<String> siblings, Path file, String ref) {
        if (siblings != null && !siblings.isEmpty()) {
            if (siblings.contains(target)) {
                return true;
            }
            for (String s : siblings) {
                if (Normalizer.normalize(s, Normalizer.Form.NFC).equals(target)) {
                    return true;
                }
            }
            return false;
        }
        if (file == null || file.getParent() == null) {
            return false;
        }
        try {
            String r = ref.strip();
            int cut = indexOfAny(r, "?#");
            r = URLDecoder.decode((cut >= 0 ? r.substring(0, cut) : r).replace("+", "%2B"), StandardCharsets.UTF_8);
            Path p = file.getParent().resolve(r.startsWith("/") ? r.substring(1) : r).normalize();
            return Files.isRegularFile(p);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
