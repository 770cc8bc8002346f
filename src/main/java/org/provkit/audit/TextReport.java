package org.provkit.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.provkit.audit.AuditReport.BundleSummary;
import org.provkit.audit.AuditReport.DocumentSummary;
import org.provkit.audit.AuditReport.PartyTotals;
import org.provkit.catalog.CatalogFinding;
import org.provkit.verify.Severity;

/** The audit for people, on standard output: summary, bundles, documents with chains, findings, parties. */
public final class TextReport {

    private static final int TITLE_WIDTH = 60;

    private TextReport() {
    }

    public static void write(AuditReport report, PrintStream out) {
        AuditReport.Summary s = report.summary();
        out.println("Audit of " + report.archives() + ": " + plural(s.bundles(), "bundle") + ", "
                + plural(s.documents(), "document") + ", " + plural(s.parties(), "party", "parties"));
        if (report.catalogUpdate() != null) {
            AuditReport.CatalogUpdate u = report.catalogUpdate();
            out.printf(Locale.ROOT, "Catalog %s: %d verified and indexed, %d unchanged, %d removed (%.1f s)%n",
                    report.catalog(), u.indexed(), u.unchanged(), u.removed(), u.seconds());
        }
        out.println();
        out.println("Bundles: " + s.validBundles() + " valid, " + s.invalidBundles() + " invalid; " + s.signedBundles()
                + " signed, " + (s.bundles() - s.signedBundles()) + " unsigned");
        int pathWidth = Math.min(48, report.bundles().stream().mapToInt(b -> b.path().length()).max().orElse(10));
        for (BundleSummary bundle : report.bundles()) {
            out.printf(Locale.ROOT, "  %-7s  %-" + pathWidth + "s  %-13s  %s%n", bundle.valid() ? "valid" : "INVALID", bundle.path(),
                    plural(bundle.documents(), "document"), signature(bundle));
        }
        out.println();
        out.println("Documents: " + s.attributedDocuments() + " with an attribution chain, " + s.unattributedDocuments()
                + " without; " + plural(s.missingAssets(), "missing asset"));
        String bundle = null;
        for (DocumentSummary document : report.documents()) {
            if (!document.bundle().equals(bundle)) {
                bundle = document.bundle();
                out.println("  " + bundle);
            }
            out.println("    " + document.path() + (document.language() == null ? "" : "  [" + document.language() + "]")
                    + (document.title() == null ? "" : "  " + shorten(document.title(), TITLE_WIDTH)));
            out.println("      " + (document.chain().isEmpty() ? "(no attribution chain)" : chainWithGaps(document))
                    + (document.missingAssetCount() == 0 ? "" : "   lost: " + plural(document.missingAssetCount(), "asset")));
        }
        out.println();
        out.println("Findings: " + plural(s.errors(), "error") + ", " + plural(s.warnings(), "warning"));
        for (CatalogFinding finding : report.findings()) {
            out.printf(Locale.ROOT, "  %-7s  %-23s  %s%n", finding.severity() == Severity.ERROR ? "ERROR" : "warning",
                    finding.code(), (finding.document() == null ? "" : finding.bundle() + ": ") + finding.message());
        }
        if (!report.parties().isEmpty()) {
            out.println();
            int nameWidth = Math.max(5, Math.min(40, report.parties().stream().mapToInt(p -> p.name().length()).max().orElse(5)));
            out.printf(Locale.ROOT, "Parties%n  %-" + nameWidth + "s  %10s  %9s  %12s  %8s%n", "party", "originated",
                    "published", "intermediary", "credited");
            for (PartyTotals party : report.parties()) {
                out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %10d  %9d  %12d  %8d%n", shorten(party.name(), nameWidth),
                        party.originated(), party.published(), party.intermediary(), party.credited());
            }
        }
    }

    /** The chain, with what it lacks: "Prensa Latina  (publisher unknown)" for a chain that names no publisher. */
    static String chainWithGaps(DocumentSummary document) {
        String text = chainText(document.chain());
        if (document.origin() == null) {
            text += "  (origin unknown)";
        }
        if (document.publisher() == null) {
            text += "  (publisher unknown)";
        }
        return text;
    }

    static String chainText(List<AuditReport.Hop> chain) {
        return chain.stream().map(AuditReport.Hop::party).collect(Collectors.joining(" → "));
    }

    static String signature(BundleSummary bundle) {
        if (!bundle.signed()) {
            return "unsigned";
        }
        String who = bundle.signer() == null ? "signed" : "signed by " + bundle.signer();
        if (bundle.trusted() == null) {
            return who;
        }
        return who + (bundle.trusted() ? " (trusted)" : " (NOT trusted)");
    }

    static String plural(int count, String noun) {
        return plural(count, noun, noun + "s");
    }

    static String plural(int count, String singular, String pluralForm) {
        return count + " " + (count == 1 ? singular : pluralForm);
    }

    static String shorten(String text, int width) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
    }
}
