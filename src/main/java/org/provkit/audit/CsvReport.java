package org.provkit.audit;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.provkit.OutputFiles;
import org.provkit.audit.AuditReport.BundleSummary;
import org.provkit.audit.AuditReport.DocumentSummary;
import org.provkit.catalog.CatalogFinding;

/**
 * {@code audit --csv FILE}: one row per document (and one per bundle that holds none), RFC 4180, UTF-8,
 * with the bundle's integrity and signature and the codes of every finding that concerns the row.
 */
public final class CsvReport {

    static final List<String> HEADER = List.of("bundle", "bundle_valid", "signed", "signer", "trusted", "document", "title",
            "language", "media_type", "chain", "origin", "publisher", "missing_assets", "findings", "canonical_url", "date",
            "warnings");

    private CsvReport() {
    }

    public static void write(AuditReport report, Path file) throws IOException {
        OutputFiles.writeAtomically(file, out -> write(report, out));
    }

    /** Writes the CSV to {@code out} (UTF-8), flushing but not closing it. */
    public static void write(AuditReport report, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(report, writer);
        writer.flush();
    }

    public static void write(AuditReport report, Writer out) throws IOException {
        Map<String, Set<String>> bundleCodes = new LinkedHashMap<>();
        Map<String, Set<String>> documentCodes = new LinkedHashMap<>();
        for (CatalogFinding finding : report.findings()) {
            Map<String, Set<String>> target = finding.document() == null ? bundleCodes : documentCodes;
            String key = finding.document() == null ? finding.bundle() : finding.bundle() + "\n" + finding.document();
            target.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(finding.code().name());
        }
        Map<String, BundleSummary> bundles = new LinkedHashMap<>();
        report.bundles().forEach(b -> bundles.put(b.path(), b));
        row(out, HEADER);
        Set<String> bundlesWithDocuments = new LinkedHashSet<>();
        for (DocumentSummary document : report.documents()) {
            bundlesWithDocuments.add(document.bundle());
            BundleSummary bundle = bundles.get(document.bundle());
            Set<String> codes = new LinkedHashSet<>(bundleCodes.getOrDefault(document.bundle(), Set.of()));
            codes.addAll(documentCodes.getOrDefault(document.bundle() + "\n" + document.path(), Set.of()));
            List<AuditReport.Hop> chain = document.chain();
            List<String> cells = new ArrayList<>(bundleCells(bundle));
            cells.addAll(List.of(document.path(), nullToEmpty(document.title()), nullToEmpty(document.language()),
                    nullToEmpty(document.mediaType()), TextReport.chainText(chain), nullToEmpty(document.origin()),
                    nullToEmpty(document.publisher()), Integer.toString(document.missingAssetCount()), String.join(";", codes),
                    nullToEmpty(document.canonicalUrl()), nullToEmpty(document.date()), String.join("; ", document.warnings())));
            row(out, cells);
        }
        for (BundleSummary bundle : report.bundles()) {
            if (!bundlesWithDocuments.contains(bundle.path())) {
                List<String> cells = new ArrayList<>(bundleCells(bundle));
                cells.addAll(List.of("", "", "", "", "", "", "", "0",
                        String.join(";", bundleCodes.getOrDefault(bundle.path(), Set.of())), "", "", ""));
                row(out, cells);
            }
        }
    }

    private static List<String> bundleCells(BundleSummary bundle) {
        return List.of(bundle.path(), Boolean.toString(bundle.valid()), Boolean.toString(bundle.signed()),
                nullToEmpty(bundle.signer()), bundle.trusted() == null ? "" : bundle.trusted().toString());
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        out.write(cells.stream().map(CsvReport::quote).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    /**
     * Quotes a cell as RFC 4180 says. A cell a spreadsheet would run as a formula (it starts with
     * {@code = + - @}, tab or CR: titles and names come from untrusted documents) gets a leading {@code '}.
     */
    static String quote(String raw) {
        String cell = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
