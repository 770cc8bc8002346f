package org.provkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.provkit.catalog.BundleContents;
import org.provkit.catalog.CatalogFinding;
import org.provkit.catalog.DocumentRecord;
import org.provkit.verify.VerificationReport;

/**
 * One bundle as the audit catalog sees it, as rows of its tables: the bundle, its documents, their chains'
 * hops, credits and missing assets, and the findings (the catalog's own rules, {@code FindingRules}). The
 * tables and columns follow the SQLite catalog's (docs/catalog.md), so the attribution graph is Spark SQL.
 */
record AuditedBundle(List<Row> bundles, List<Row> documents, List<Row> hops, List<Row> credits, List<Row> missingAssets,
        List<Row> findings) implements Serializable {

    enum Table {
        BUNDLES("bundles"), DOCUMENTS("documents"), HOPS("hops"), CREDITS("credits"), MISSING_ASSETS("missing_assets"),
        FINDINGS("findings");

        final String folder;

        Table(String folder) {
            this.folder = folder;
        }
    }

    List<Row> rows(Table table) {
        return switch (table) {
            case BUNDLES -> bundles;
            case DOCUMENTS -> documents;
            case HOPS -> hops;
            case CREDITS -> credits;
            case MISSING_ASSETS -> missingAssets;
            case FINDINGS -> findings;
        };
    }

    static StructType schema(Table table) {
        return switch (table) {
            case BUNDLES -> new StructType().add("bundle", DataTypes.StringType, false).add("path", DataTypes.StringType, false)
                    .add("valid", DataTypes.BooleanType, false).add("signed", DataTypes.BooleanType, false)
                    .add("signer", DataTypes.StringType, true).add("trusted", DataTypes.BooleanType, true)
                    .add("documents", DataTypes.IntegerType, false).add("payload_files", DataTypes.LongType, false)
                    .add("payload_bytes", DataTypes.LongType, false);
            case DOCUMENTS -> new StructType().add("bundle", DataTypes.StringType, false).add("path", DataTypes.StringType, false)
                    .add("media_type", DataTypes.StringType, true).add("bytes", DataTypes.LongType, true)
                    .add("sha256", DataTypes.StringType, true).add("language", DataTypes.StringType, true)
                    .add("title", DataTypes.StringType, true).add("extraction_status", DataTypes.StringType, true)
                    .add("hops", DataTypes.IntegerType, false).add("missing_assets", DataTypes.IntegerType, false);
            case HOPS -> new StructType().add("bundle", DataTypes.StringType, false).add("path", DataTypes.StringType, false)
                    .add("position", DataTypes.IntegerType, false).add("party", DataTypes.StringType, false)
                    .add("role", DataTypes.StringType, true).add("registered", DataTypes.BooleanType, true)
                    .add("evidence", DataTypes.createArrayType(DataTypes.StringType, false), false);
            case CREDITS -> new StructType().add("bundle", DataTypes.StringType, false).add("path", DataTypes.StringType, false)
                    .add("asset", DataTypes.StringType, true).add("party", DataTypes.StringType, true)
                    .add("evidence", DataTypes.StringType, true).add("line", DataTypes.IntegerType, true);
            case MISSING_ASSETS -> new StructType().add("bundle", DataTypes.StringType, false).add("path", DataTypes.StringType, false)
                    .add("kind", DataTypes.StringType, true).add("marker", DataTypes.StringType, true)
                    .add("line", DataTypes.IntegerType, true).add("credit", DataTypes.StringType, true);
            case FINDINGS -> new StructType().add("bundle", DataTypes.StringType, false).add("document", DataTypes.StringType, true)
                    .add("code", DataTypes.StringType, false).add("severity", DataTypes.StringType, false)
                    .add("message", DataTypes.StringType, false);
        };
    }

    static AuditedBundle of(SourceEntry bundle, VerificationReport report, BundleContents contents, List<CatalogFinding> rules) {
        String name = bundle.fileName();
        List<Row> documents = new ArrayList<>();
        List<Row> hops = new ArrayList<>();
        List<Row> credits = new ArrayList<>();
        List<Row> missing = new ArrayList<>();
        for (BundleContents.Document document : contents.documents()) {
            DocumentRecord record = document.record();
            documents.add(RowFactory.create(name, record.path(), record.mediaType(), record.bytes(), record.sha256(),
                    record.language(), record.title(), record.extractionStatus(), record.chain().size(),
                    record.missingAssets().size()));
            int position = 0;
            for (DocumentRecord.ChainHop hop : record.chain()) {
                hops.add(RowFactory.create(name, record.path(), position++, hop.party(), hop.role(), hop.registered(),
                        Rows.seq(hop.evidenceTexts())));
            }
            for (DocumentRecord.Credit credit : record.credits()) {
                credits.add(RowFactory.create(name, record.path(), credit.asset(), credit.party(), credit.evidenceText(), credit.line()));
            }
            for (DocumentRecord.MissingAsset asset : record.missingAssets()) {
                missing.add(RowFactory.create(name, record.path(), asset.kind(), asset.marker(), asset.line(), asset.credit()));
            }
        }
        List<Row> findings = new ArrayList<>();
        for (CatalogFinding finding : rules) {
            findings.add(RowFactory.create(name, finding.document(), finding.code().name(),
                    finding.severity().name().toLowerCase(Locale.ROOT), finding.message()));
        }
        Row bundleRow = RowFactory.create(name, bundle.uri(), report.valid(), report.signed(), report.signer(), report.trusted(),
                contents.documents().size(), report.payloadFiles(), report.payloadBytes());
        return new AuditedBundle(List.of(bundleRow), documents, hops, credits, missing, findings);
    }
}
