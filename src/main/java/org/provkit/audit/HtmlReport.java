package org.provkit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.provkit.OutputFiles;
import org.provkit.audit.AuditReport.BundleSummary;
import org.provkit.audit.AuditReport.DocumentSummary;
import org.provkit.audit.AuditReport.Hop;
import org.provkit.audit.AuditReport.PartyTotals;
import org.provkit.catalog.CatalogFinding;
import org.provkit.verify.Severity;

/**
 * {@code audit --html FILE}: one self-contained page with the summary figures, the attribution graph, and
 * the bundles, documents (grouped by bundle, each with its canonical URL, date and bundle-time warnings),
 * findings, bundle-time warnings and parties. No network: a Content-Security-Policy forbids every fetch and
 * allows one script, this page's own (by its hash), which makes the tables sortable and filterable; without
 * it everything is still there. Made to stay usable at 10,000 documents: a large report opens with its
 * bundle groups closed (a closed group costs the browser no layout), fixed table layouts, and no markup per
 * row beyond what is shown.
 */
public final class HtmlReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Above this many documents the bundle groups open closed (a click, or a filter, opens them). */
    static final int OPEN_GROUPS_UP_TO = 500;
    /** Kinds of bundle-time warning listed; the CSV and JSON have them all. */
    static final int MAX_WARNING_KINDS = 200;
    /** The page's script (sorting, filtering, opening groups) and style, kept beside this class. */
    static final String SCRIPT = resource("report.js");
    private static final String STYLE = resource("report.css");
    /** The script's hash, which the Content-Security-Policy names as the one script allowed. */
    static final String SCRIPT_HASH = "sha256-" + base64Sha256(SCRIPT);

    private HtmlReport() {
    }

    public static void write(AuditReport report, Path file) throws IOException {
        OutputFiles.writeAtomically(file, out -> write(report, out));
    }

    /** Writes the page to {@code out} (UTF-8), flushing but not closing it. */
    public static void write(AuditReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public static String render(AuditReport report) {
        StringBuilder html = new StringBuilder(64 * 1024 + report.documents().size() * 600);
        AuditReport.Summary s = report.summary();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
                .append("img-src data:; script-src '").append(SCRIPT_HASH).append("'\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"provkit audit\">\n");
        html.append("<title>Audit of ").append(Html.escape(report.archives())).append(" · provkit</title>\n");
        html.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<header><h1>Audit of <code>").append(Html.escape(report.archives())).append("</code></h1>\n");
        html.append("<p class=\"meta\">").append(report.generated() == null ? "" : "Generated " + WHEN.format(report.generated()) + " by provkit")
                .append(report.trustRequested() ? " · signatures checked against the given trust anchors"
                        : " · signatures checked for integrity only (no trust anchors given)")
                .append(" · catalog <code>").append(Html.escape(report.catalog())).append("</code></p>\n")
                .append(verdict(s)).append("</header>\n");

        WarningKinds warnings = WarningKinds.of(report.documents());
        Map<String, String> anchors = anchors(report.documents());
        html.append("<section class=\"cards\">\n");
        card(html, "Bundles", s.bundles(), s.validBundles() + " valid · " + s.invalidBundles() + " invalid",
                s.invalidBundles() > 0 ? "bad" : "good");
        card(html, "Signed", s.signedBundles(), (s.bundles() - s.signedBundles()) + " unsigned",
                s.signedBundles() < s.bundles() ? "warn" : "good");
        card(html, "Documents", s.documents(), s.attributedDocuments() + " with a chain", "neutral");
        card(html, "Unattributed", s.unattributedDocuments(), "documents without a chain",
                s.unattributedDocuments() > 0 ? "warn" : "good");
        card(html, "Missing assets", s.missingAssets(), "lost images and files", s.missingAssets() > 0 ? "warn" : "good");
        card(html, "Findings", s.errors() + s.warnings(), TextReport.plural(s.errors(), "error") + " · "
                + TextReport.plural(s.warnings(), "warning"), s.errors() > 0 ? "bad" : s.warnings() > 0 ? "warn" : "good");
        card(html, "Bundle-time warnings", warnings.documents(), "documents · " + TextReport.plural(warnings.kinds().size(), "kind"),
                warnings.documents() > 0 ? "warn" : "good");
        html.append("</section>\n");
        html.append("<nav><a href=\"#graph\">Graph</a><a href=\"#bundles\">Bundles</a><a href=\"#documents\">Documents</a>")
                .append("<a href=\"#findings\">Findings</a><a href=\"#warnings\">Bundle-time warnings</a>")
                .append("<a href=\"#parties\">Parties</a></nav>\n");

        graph(html, report);
        bundles(html, report.bundles(), report.documents(), anchors);
        documents(html, report.bundles(), report.documents(), anchors);
        findings(html, report.findings());
        bundleWarnings(html, warnings);
        parties(html, report.parties());
        html.append("<footer>provkit audit · ").append(TextReport.plural(s.bundles(), "bundle")).append(" · ")
                .append(TextReport.plural(s.documents(), "document")).append("</footer>\n</main>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String verdict(AuditReport.Summary s) {
        if (s.invalidBundles() > 0 || s.errors() > 0) {
            return "<p class=\"verdict bad\">" + TextReport.plural(s.errors(), "error") + ": "
                    + TextReport.plural(s.invalidBundles(), "bundle") + " failed the integrity check.</p>\n";
        }
        return "<p class=\"verdict good\">Every bundle is intact." + (s.warnings() > 0
                ? " " + TextReport.plural(s.warnings(), "warning") + " to review." : "") + "</p>\n";
    }

    private static void card(StringBuilder html, String label, int figure, String detail, String tone) {
        html.append("<div class=\"card ").append(tone).append("\"><div class=\"label\">").append(Html.escape(label))
                .append("</div><div class=\"figure\">").append(figure).append("</div><div class=\"detail\">")
                .append(Html.escape(detail)).append("</div></div>\n");
    }

    /** The search box (and more) that the page's script shows; hidden without it, since it would do nothing. */
    private static void toolbar(StringBuilder html, String section, String placeholder, String extra) {
        html.append("<div class=\"tools\" hidden><input type=\"search\" data-filter=\"").append(section)
                .append("\" placeholder=\"").append(Html.escape(placeholder)).append("\" aria-label=\"")
                .append(Html.escape(placeholder)).append("\">").append(extra).append("<span class=\"count\"></span></div>\n");
    }

    private static void graph(StringBuilder html, AuditReport report) {
        PartyGraph graph = PartyGraph.of(report.parties(), report.links());
        html.append("<section id=\"graph\"><h2>Who passed what to whom</h2>\n");
        if (graph.isEmpty()) {
            html.append("<p class=\"empty\">No document has an attribution chain yet.</p></section>\n");
            return;
        }
        html.append("""
                <p class="legend"><span class="swatch origin"></span>origin <span class="swatch intermediary"></span>intermediary
                <span class="swatch publisher"></span>publisher <span class="swatch unregistered"></span>not in the registry
                · arrows run from origin to publisher; their width and label give the number of documents</p>
                """);
        html.append("<div class=\"graph-frame\">\n").append(graph.svg()).append("</div>\n");
        if (graph.hiddenParties() > 0) {
            html.append("<p class=\"note\">").append(graph.hiddenParties()).append(" less frequent parties are left out of"
                    + " the graph; the parties table lists them all.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void bundles(StringBuilder html, List<BundleSummary> bundles, List<DocumentSummary> documents,
            Map<String, String> anchors) {
        Map<String, Integer> warned = new LinkedHashMap<>();
        documents.forEach(d -> warned.merge(d.bundle(), d.warnings().isEmpty() ? 0 : 1, Integer::sum));
        html.append("<section id=\"bundles\"><h2>Bundles</h2>\n");
        toolbar(html, "bundles", "Filter bundles", "");
        html.append("<table class=\"sortable\" id=\"bundle-table\">\n<colgroup><col class=\"w30\"><col class=\"w22\"><col class=\"w16\"><col>"
                + "<col><col><col></colgroup>\n<thead><tr><th>Bundle</th><th>Integrity</th><th>Signature</th>"
                + "<th class=\"num\">Documents</th><th class=\"num\">Payload</th><th class=\"num\">Warned</th><th>Bagged</th>"
                + "</tr></thead>\n<tbody>\n");
        for (BundleSummary bundle : bundles) {
            String anchor = anchors.get(bundle.path());
            html.append("<tr><td>").append(anchor == null ? "<span class=\"path\">" : "<a class=\"path\" href=\"#" + anchor + "\">")
                    .append(Html.escape(bundle.path())).append(anchor == null ? "</span>" : "</a>").append("<div class=\"sub\">")
                    .append(Html.escape(bundle.format()))
                    .append(bundle.sourceOrganization() == null ? "" : " · " + Html.escape(bundle.sourceOrganization()))
                    .append("</div></td>");
            html.append("<td>").append(bundle.valid() ? badge("good", "valid") : badge("bad", "invalid"));
            if (!bundle.valid() && !bundle.issues().isEmpty()) {
                html.append("<div class=\"sub\">").append(Html.escape(firstError(bundle))).append("</div>");
            }
            html.append("</td><td>");
            if (!bundle.signed()) {
                html.append(badge("warn", "unsigned"));
            } else {
                html.append(Boolean.FALSE.equals(bundle.trusted()) ? badge("bad", "untrusted")
                        : Boolean.TRUE.equals(bundle.trusted()) ? badge("good", "trusted") : badge("info", "signed"));
                if (bundle.signer() != null) {
                    html.append("<div class=\"sub\">").append(Html.escape(bundle.signer())).append("</div>");
                }
            }
            int warnedDocuments = warned.getOrDefault(bundle.path(), 0);
            html.append("</td><td class=\"num\">").append(bundle.documents()).append("</td><td class=\"num\" data-v=\"")
                    .append(bundle.payloadBytes()).append("\">").append(Html.escape(size(bundle.payloadBytes())))
                    .append("<div class=\"sub\">").append(TextReport.plural((int) bundle.payloadFiles(), "file"))
                    .append("</div></td><td class=\"num\">").append(warnedDocuments == 0 ? "" : warnedDocuments)
                    .append("</td><td class=\"date\">").append(Html.escape(bundle.baggingDate() == null ? "" : bundle.baggingDate()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String firstError(BundleSummary bundle) {
        return bundle.issues().stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
                .map(f -> f.code() + (f.path().isEmpty() ? "" : " " + f.path())).orElse("");
    }

    /** The documents, one group per bundle; a large report opens with its groups closed. */
    private static void documents(StringBuilder html, List<BundleSummary> bundles, List<DocumentSummary> documents,
            Map<String, String> anchors) {
        html.append("<section id=\"documents\"><h2>Documents and their attribution chains</h2>\n");
        if (documents.isEmpty()) {
            html.append("<p class=\"empty\">No document is indexed.</p></section>\n");
            return;
        }
        boolean open = documents.size() <= OPEN_GROUPS_UP_TO;
        toolbar(html, "documents", "Filter documents: path, title, party, URL, language, date",
                "<button type=\"button\" data-open=\"documents\">Open all</button>"
                        + "<button type=\"button\" data-close=\"documents\">Close all</button>");
        if (!open) {
            html.append("<p class=\"note\">").append(TextReport.plural(documents.size(), "document"))
                    .append(": each bundle's list opens with a click, or as the filter finds documents in it.</p>\n");
        }
        Map<String, BundleSummary> byPath = new LinkedHashMap<>();
        bundles.forEach(b -> byPath.put(b.path(), b));
        Map<String, List<DocumentSummary>> groups = new LinkedHashMap<>();
        documents.forEach(d -> groups.computeIfAbsent(d.bundle(), k -> new ArrayList<>()).add(d));
        for (Map.Entry<String, List<DocumentSummary>> group : groups.entrySet()) {
            BundleSummary bundle = byPath.get(group.getKey());
            html.append("<details id=\"").append(anchors.get(group.getKey())).append("\"").append(open ? " open" : "")
                    .append("><summary><span class=\"path\">").append(Html.escape(group.getKey())).append("</span> ")
                    .append(TextReport.plural(group.getValue().size(), "document")).append(' ')
                    .append(bundle == null ? "" : bundle.valid() ? badge("good", "valid") : badge("bad", "invalid"))
                    .append("</summary>\n<table class=\"sortable docs\">\n<colgroup><col class=\"w22\"><col class=\"w28\">")
                    .append("<col class=\"w9\"><col class=\"w6\"><col><col class=\"w5\"><col class=\"w6\"></colgroup>\n")
                    .append("<thead><tr><th>Document</th><th>Title and canonical URL</th><th>Date</th><th>Lang.</th>")
                    .append("<th>Attribution chain</th><th class=\"num\">Lost</th><th class=\"num\" title=\"Bundle-time warnings\">Warn.</th></tr></thead>\n<tbody>\n");
            for (DocumentSummary document : group.getValue()) {
                documentRow(html, document);
            }
            html.append("</tbody>\n</table>\n</details>\n");
        }
        html.append("</section>\n");
    }

    private static void documentRow(StringBuilder html, DocumentSummary document) {
        html.append("<tr><td class=\"path\">").append(Html.escape(document.path())).append("</td><td>")
                .append(Html.escape(document.title() == null ? "" : TextReport.shorten(document.title(), 160)));
        if (document.canonicalUrl() != null) {
            html.append("<div class=\"url\"><a href=\"").append(Html.escape(document.canonicalUrl()))
                    .append("\">").append(Html.escape(shortUrl(document.canonicalUrl())))
                    .append("</a></div>");
        }
        html.append("</td><td class=\"date\">").append(Html.escape(document.date() == null ? "" : document.date()))
                .append("</td><td>").append(Html.escape(document.language() == null ? "" : document.language()))
                .append("</td><td class=\"chain\">");
        List<Hop> chain = document.chain();
        if (chain.isEmpty()) {
            html.append(badge("warn", "no chain"));
        }
        for (int i = 0; i < chain.size(); i++) {
            if (i > 0) {
                html.append("<i>→</i>");
            }
            Hop hop = chain.get(i);
            String kind = ChainRoles.kinds(hop.role(), i, chain.size()).contains(ChainRoles.Kind.ORIGIN) ? "o"
                    : ChainRoles.kinds(hop.role(), i, chain.size()).contains(ChainRoles.Kind.PUBLISHER) ? "p" : "m";
            html.append("<b class=\"").append(kind).append("\" title=\"").append(Html.escape(hop.role() == null ? "" : hop.role()))
                    .append("\">").append(Html.escape(hop.party())).append("</b>");
        }
        if (!chain.isEmpty() && document.publisher() == null) {
            html.append(" <span class=\"sub\">publisher unknown</span>");
        }
        html.append("</td><td class=\"num\">").append(document.missingAssetCount() == 0 ? "" : document.missingAssetCount())
                .append("</td><td class=\"num\"");
        if (!document.warnings().isEmpty()) {
            html.append(" title=\"").append(Html.escape(String.join("\n", document.warnings().subList(0,
                    Math.min(5, document.warnings().size()))))).append("\">").append(document.warnings().size());
        } else {
            html.append('>');
        }
        html.append("</td></tr>\n");
    }

    private static void findings(StringBuilder html, List<CatalogFinding> findings) {
        html.append("<section id=\"findings\"><h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"empty\">Nothing to report.</p></section>\n");
            return;
        }
        toolbar(html, "findings", "Filter findings: code, bundle, document, words",
                "<select data-severity aria-label=\"Severity\"><option value=\"\">errors and warnings</option>"
                        + "<option value=\"e\">errors only</option><option value=\"w\">warnings only</option></select>");
        html.append("<table class=\"sortable\">\n<colgroup><col class=\"w8\"><col class=\"w16\"><col class=\"w24\"><col></colgroup>\n"
                + "<thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>What</th></tr></thead>\n<tbody>\n");
        for (CatalogFinding finding : findings) {
            boolean error = finding.severity() == Severity.ERROR;
            html.append("<tr data-s=\"").append(error ? 'e' : 'w').append("\"><td data-v=\"").append(error ? 0 : 1).append("\">")
                    .append(error ? badge("bad", "error") : badge("warn", "warning")).append("</td><td class=\"code\">")
                    .append(finding.code()).append("</td><td class=\"path\">").append(Html.escape(finding.bundle()))
                    .append(finding.document() == null ? "" : "<div class=\"sub\">" + Html.escape(finding.document()) + "</div>")
                    .append("</td><td>").append(Html.escape(finding.message())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void bundleWarnings(StringBuilder html, WarningKinds warnings) {
        html.append("<section id=\"warnings\"><h2>Bundle-time warnings</h2>\n");
        if (warnings.kinds().isEmpty()) {
            html.append("<p class=\"empty\">No document was bundled with a warning.</p></section>\n");
            return;
        }
        html.append("<p class=\"note\">What bundling noted about ").append(TextReport.plural(warnings.documents(), "document"))
                .append(", by kind, most frequent first (each document's own are in its row above, in the CSV and the JSON).</p>\n");
        toolbar(html, "warnings", "Filter warnings", "");
        List<WarningKinds.Kind> shown = warnings.kinds().subList(0, Math.min(MAX_WARNING_KINDS, warnings.kinds().size()));
        html.append("<table class=\"sortable\">\n<colgroup><col><col class=\"w8\"><col class=\"w44\"></colgroup>\n"
                + "<thead><tr><th>Warning</th><th class=\"num\">Documents</th><th>For example</th></tr></thead>\n<tbody>\n");
        for (WarningKinds.Kind kind : shown) {
            html.append("<tr><td>").append(Html.escape(kind.name())).append("</td><td class=\"num\">")
                    .append(kind.documents()).append("</td><td>");
            for (WarningKinds.Example example : kind.examples()) {
                html.append("<div><span class=\"path\">").append(Html.escape(example.path())).append("</span> <span class=\"sub\">in ")
                        .append(Html.escape(example.bundle())).append("</span>");
                if (!example.warning().equals(kind.name())) {
                    html.append("<div class=\"sub\">").append(Html.escape(TextReport.shorten(example.warning(), 300))).append("</div>");
                }
                html.append("</div>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (shown.size() < warnings.kinds().size()) {
            html.append("<p class=\"note\">").append(TextReport.plural(warnings.kinds().size() - shown.size(), "more kind"))
                    .append(" not shown; the CSV and the JSON give every document's warnings.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void parties(StringBuilder html, List<PartyTotals> parties) {
        html.append("<section id=\"parties\"><h2>Parties</h2>\n");
        if (parties.isEmpty()) {
            html.append("<p class=\"empty\">No party is named in any record.</p></section>\n");
            return;
        }
        toolbar(html, "parties", "Filter parties", "");
        html.append("<table class=\"sortable\">\n<thead><tr><th>Party</th><th class=\"num\">Documents</th><th class=\"num\">Originated</th>"
                + "<th class=\"num\">Published</th><th class=\"num\">Intermediary</th><th class=\"num\">Credited assets</th>"
                + "</tr></thead>\n<tbody>\n");
        for (PartyTotals party : parties) {
            html.append("<tr><td>").append(Html.escape(party.name()))
                    .append(Boolean.FALSE.equals(party.registered()) ? " " + badge("warn", "not in registry") : "")
                    .append("</td><td class=\"num\">").append(party.documents()).append("</td><td class=\"num\">")
                    .append(party.originated()).append("</td><td class=\"num\">").append(party.published())
                    .append("</td><td class=\"num\">").append(party.intermediary()).append("</td><td class=\"num\">")
                    .append(party.credited()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /**
     * An element id for each bundle that has documents: its path with anything but letters, digits, '-' and '_'
     * replaced, numbered so that two paths never share one.
     */
    static Map<String, String> anchors(List<DocumentSummary> documents) {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (DocumentSummary document : documents) {
            if (!anchors.containsKey(document.bundle())) {
                anchors.put(document.bundle(), "b" + anchors.size() + "-" + document.bundle().replaceAll("[^A-Za-z0-9_-]", "_"));
            }
        }
        return anchors;
    }

    /** A URL as shown: without its scheme, and its middle cut when long (the link keeps it whole). */
    static String shortUrl(String url) {
        String shown = url.replaceFirst("^(?i)https?://", "");
        return shown.length() <= 90 ? shown : shown.substring(0, 60) + "…" + shown.substring(shown.length() - 25);
    }

    private static String badge(String tone, String text) {
        return "<span class=\"badge " + tone + "\">" + Html.escape(text) + "</span>";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the class path lacks " + name + " beside " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
