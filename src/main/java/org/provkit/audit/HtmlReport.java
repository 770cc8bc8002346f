package org.provkit.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.provkit.OutputFiles;
import org.provkit.audit.AuditReport.BundleSummary;
import org.provkit.audit.AuditReport.DocumentSummary;
import org.provkit.audit.AuditReport.Hop;
import org.provkit.audit.AuditReport.PartyTotals;
import org.provkit.catalog.CatalogFinding;
import org.provkit.verify.Severity;

/**
 * {@code audit --html FILE}: one self-contained page (inline CSS and SVG, no script, no network: a
 * Content-Security-Policy forbids every fetch) with summary figures, the attribution graph and the
 * bundles, documents, findings and parties tables. Laid out for a 1280 px wide window.
 */
public final class HtmlReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

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
        StringBuilder html = new StringBuilder(64 * 1024);
        AuditReport.Summary s = report.summary();
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="generator" content="provkit audit">
                """);
        html.append("<title>Audit of ").append(Html.escape(report.archives())).append(" · provkit</title>\n");
        html.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<header><h1>Audit of <code>").append(Html.escape(report.archives())).append("</code></h1>\n");
        html.append("<p class=\"meta\">").append(report.generated() == null ? "" : "Generated " + WHEN.format(report.generated()) + " by provkit")
                .append(report.trustRequested() ? " · signatures checked against the given trust anchors" : "")
                .append(" · catalog <code>").append(Html.escape(report.catalog())).append("</code></p>\n")
                .append(verdict(s)).append("</header>\n");

        html.append("<section class=\"cards\">\n");
        card(html, "Bundles", s.bundles(), s.validBundles() + " valid · " + s.invalidBundles() + " invalid",
                s.invalidBundles() > 0 ? "bad" : "good");
        card(html, "Signed", s.signedBundles(), (s.bundles() - s.signedBundles()) + " unsigned",
                s.signedBundles() < s.bundles() ? "warn" : "good");
        card(html, "Documents", s.documents(), s.attributedDocuments() + " with a chain", "neutral");
        card(html, "Unattributed", s.unattributedDocuments(), "documents without a chain",
                s.unattributedDocuments() > 0 ? "warn" : "good");
        card(html, "Missing assets", s.missingAssets(), "lost images and files", s.missingAssets() > 0 ? "warn" : "good");
        card(html, "Findings", s.errors() + s.warnings(), TextReport.plural(s.errors(), "error") + " · " + TextReport.plural(s.warnings(), "warning"),
                s.errors() > 0 ? "bad" : s.warnings() > 0 ? "warn" : "good");
        html.append("</section>\n");

        graph(html, report);
        bundles(html, report.bundles());
        documents(html, report.documents());
        findings(html, report.findings());
        parties(html, report.parties());
        html.append("<footer>provkit audit · ").append(TextReport.plural(s.bundles(), "bundle")).append(" · ")
                .append(TextReport.plural(s.documents(), "document")).append("</footer>\n</main>\n</body>\n</html>\n");
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

    private static void bundles(StringBuilder html, List<BundleSummary> bundles) {
        html.append("<section id=\"bundles\"><h2>Bundles</h2>\n<table>\n<thead><tr><th>Bundle</th><th>Integrity</th>"
                + "<th>Signature</th><th class=\"num\">Documents</th><th class=\"num\">Payload</th><th>Bagged</th>"
                + "</tr></thead>\n<tbody>\n");
        for (BundleSummary bundle : bundles) {
            html.append("<tr><td><code>").append(path(bundle.path())).append("</code><div class=\"sub\">")
                    .append(Html.escape(bundle.format())).append(bundle.sourceOrganization() == null ? ""
                            : " · " + Html.escape(bundle.sourceOrganization())).append("</div></td>");
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
            html.append("</td><td class=\"num\">").append(bundle.documents()).append("</td><td class=\"num\">")
                    .append(Html.escape(size(bundle.payloadBytes()))).append("<div class=\"sub\">")
                    .append(TextReport.plural((int) bundle.payloadFiles(), "file")).append("</div></td><td>")
                    .append(Html.escape(bundle.baggingDate() == null ? "" : bundle.baggingDate())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String firstError(BundleSummary bundle) {
        return bundle.issues().stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
                .map(f -> f.code() + (f.path().isEmpty() ? "" : " " + f.path())).orElse("");
    }

    private static void documents(StringBuilder html, List<DocumentSummary> documents) {
        html.append("<section id=\"documents\"><h2>Documents and their attribution chains</h2>\n<table>\n<thead><tr>"
                + "<th>Document</th><th>Title</th><th>Lang.</th><th>Attribution chain</th><th class=\"num\">Lost</th>"
                + "</tr></thead>\n<tbody>\n");
        for (DocumentSummary document : documents) {
            html.append("<tr><td><code>").append(path(document.path())).append("</code><div class=\"sub\">")
                    .append(path(document.bundle())).append("</div></td><td>")
                    .append(Html.escape(document.title() == null ? "" : TextReport.shorten(document.title(), 140)))
                    .append("</td><td>").append(Html.escape(document.language() == null ? "" : document.language()))
                    .append("</td><td class=\"chain\">");
            if (document.chain().isEmpty()) {
                html.append(badge("warn", "no chain"));
            } else {
                List<Hop> chain = document.chain();
                for (int i = 0; i < chain.size(); i++) {
                    if (i > 0) {
                        html.append("<span class=\"arrow\">→</span>");
                    }
                    Hop hop = chain.get(i);
                    String kind = ChainRoles.kinds(hop.role(), i, chain.size()).contains(ChainRoles.Kind.ORIGIN) ? "origin"
                            : ChainRoles.kinds(hop.role(), i, chain.size()).contains(ChainRoles.Kind.PUBLISHER) ? "publisher"
                                    : "intermediary";
                    html.append("<span class=\"party ").append(kind).append("\" title=\"")
                            .append(Html.escape(hop.role() == null ? kind : hop.role())).append("\">")
                            .append(Html.escape(hop.party())).append("</span>");
                }
            }
            html.append("</td><td class=\"num\">").append(document.missingAssetCount() == 0 ? "" : document.missingAssetCount())
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void findings(StringBuilder html, List<CatalogFinding> findings) {
        html.append("<section id=\"findings\"><h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"empty\">Nothing to report.</p></section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>What</th></tr></thead>\n<tbody>\n");
        for (CatalogFinding finding : findings) {
            boolean error = finding.severity() == Severity.ERROR;
            html.append("<tr><td>").append(error ? badge("bad", "error") : badge("warn", "warning")).append("</td><td class=\"code\"><code>")
                    .append(finding.code()).append("</code></td><td><code>").append(path(finding.bundle()))
                    .append("</code>").append(finding.document() == null ? "" : "<div class=\"sub\">"
                            + path(finding.document()) + "</div>")
                    .append("</td><td>").append(Html.escape(finding.message())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void parties(StringBuilder html, List<PartyTotals> parties) {
        html.append("<section id=\"parties\"><h2>Parties</h2>\n");
        if (parties.isEmpty()) {
            html.append("<p class=\"empty\">No party is named in any record.</p></section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Party</th><th class=\"num\">Documents</th><th class=\"num\">Originated</th>"
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

    /** A path that may wrap after its separators, dashes and dots rather than anywhere. */
    static String path(String path) {
        return Html.escape(path).replaceAll("([/_.-])", "$1<wbr>");
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

    private static final String STYLE = """
            :root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --paper: #ffffff; --page: #f3f5f8;
              --good: #1a7f4b; --good-bg: #e3f6ec; --bad: #b42318; --bad-bg: #fde8e6; --warn: #9a5b00; --warn-bg: #fff3d6;
              --info: #1d4ed8; --info-bg: #e6eeff;
              --origin: #0f766e; --origin-bg: #d5f5ef; --mid: #9a5b00; --mid-bg: #fff0cc; --pub: #4338ca; --pub-bg: #e4e3fc; }
            * { box-sizing: border-box; }
            html { background: var(--page); }
            body { margin: 0; color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
              "DejaVu Sans", "Liberation Sans", sans-serif; }
            main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 40px; }
            h1 { font-size: 26px; margin: 0 0 4px; font-weight: 650; }
            h2 { font-size: 18px; margin: 0 0 12px; font-weight: 650; }
            code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; }
            h1 code { font-size: 24px; }
            .meta { color: var(--muted); margin: 0 0 12px; }
            .verdict { display: inline-block; margin: 0 0 20px; padding: 8px 14px; border-radius: 8px; font-weight: 600; }
            .verdict.good { background: var(--good-bg); color: var(--good); }
            .verdict.bad { background: var(--bad-bg); color: var(--bad); }
            .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 14px; margin-bottom: 22px; }
            .card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px;
              border-top: 4px solid var(--line); }
            .card.good { border-top-color: var(--good); } .card.bad { border-top-color: var(--bad); }
            .card.warn { border-top-color: #e0a100; } .card.neutral { border-top-color: var(--info); }
            .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .card .figure { font-size: 30px; font-weight: 700; line-height: 1.2; margin: 4px 0 2px; }
            .card .detail { color: var(--muted); font-size: 12.5px; }
            section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px;
              margin-bottom: 22px; }
            section.cards { background: none; border: 0; padding: 0; }
            .legend { color: var(--muted); margin: -4px 0 10px; font-size: 13px; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin: 0 4px 0 10px;
              vertical-align: -1px; border: 1.5px solid; }
            .swatch.origin { background: var(--origin-bg); border-color: var(--origin); margin-left: 0; }
            .swatch.intermediary { background: var(--mid-bg); border-color: var(--mid); }
            .swatch.publisher { background: var(--pub-bg); border-color: var(--pub); }
            .swatch.unregistered { background: #fff; border: 1.5px dashed var(--muted); }
            .graph-frame { overflow-x: auto; }
            svg.graph { display: block; max-width: 100%; height: auto; margin: 0 auto; }
            svg .edge path { fill: none; stroke: #94a3b8; stroke-opacity: .75; stroke-linecap: round; }
            svg .edge polygon { fill: #64748b; }
            svg .edge.backward path { stroke-dasharray: 6 5; }
            svg rect.count { fill: #fff; stroke: #cbd2d9; }
            svg text.count { font-size: 11px; font-weight: 600; fill: #3e4c59; text-anchor: middle; }
            svg .node rect { stroke-width: 1.5; }
            svg .node.origin rect { fill: var(--origin-bg); stroke: var(--origin); }
            svg .node.intermediary rect { fill: var(--mid-bg); stroke: var(--mid); }
            svg .node.publisher rect { fill: var(--pub-bg); stroke: var(--pub); }
            svg .node.unregistered rect { stroke-dasharray: 5 3; }
            svg .node text.name { font-size: 13.5px; font-weight: 650; fill: var(--ink); }
            svg .node text.figures { font-size: 11.5px; fill: var(--muted); }
            table { width: 100%; border-collapse: collapse; }
            th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
              font-weight: 600; padding: 6px 10px; border-bottom: 2px solid var(--line); }
            td { padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
            td:has(> .badge), td.code { white-space: nowrap; }
            #documents td:first-child { width: 24%; } #findings td:nth-child(3) { width: 22%; }
            #bundles td:first-child { width: 30%; }
            tbody tr:nth-child(even) td { background: #fafbfc; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .sub { color: var(--muted); font-size: 12px; margin-top: 2px; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
              white-space: nowrap; }
            .badge.good { background: var(--good-bg); color: var(--good); }
            .badge.bad { background: var(--bad-bg); color: var(--bad); }
            .badge.warn { background: var(--warn-bg); color: var(--warn); }
            .badge.info { background: var(--info-bg); color: var(--info); }
            td.chain { line-height: 2; min-width: 340px; }
            #documents td:nth-child(2) { width: 32%; }
            .party { display: inline-block; padding: 0 8px; border-radius: 6px; font-size: 12.5px; font-weight: 600;
              line-height: 1.7; border: 1px solid; white-space: nowrap; }
            .party.origin { background: var(--origin-bg); color: var(--origin); border-color: #9adfd3; }
            .party.intermediary { background: var(--mid-bg); color: var(--mid); border-color: #f1d08a; }
            .party.publisher { background: var(--pub-bg); color: var(--pub); border-color: #c3c0f5; }
            .arrow { color: var(--muted); margin: 0 6px; }
            .empty, .note { color: var(--muted); margin: 0; }
            .note { margin-top: 8px; font-size: 12.5px; }
            footer { color: var(--muted); font-size: 12px; text-align: center; }
            @media (max-width: 900px) { .cards { grid-template-columns: repeat(3, 1fr); } }
            """;
}
