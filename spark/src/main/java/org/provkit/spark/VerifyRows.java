package org.provkit.spark;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.provkit.verify.Finding;
import org.provkit.verify.VerificationReport;

/** One row per bundle: provkit's verdict, signer, trust, and its findings as codes and in full. */
final class VerifyRows {

    static final StructType FINDING = new StructType()
            .add("code", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, true);

    private VerifyRows() {
    }

    static StructType schema() {
        return new StructType()
                .add("bundle", DataTypes.StringType, false)
                .add("name", DataTypes.StringType, false)
                .add("verdict", DataTypes.StringType, false)
                .add("valid", DataTypes.BooleanType, false)
                .add("complete", DataTypes.BooleanType, false)
                .add("signed", DataTypes.BooleanType, false)
                .add("signer", DataTypes.StringType, true)
                .add("trusted", DataTypes.BooleanType, true)
                .add("timestamp", DataTypes.TimestampType, true)
                .add("payload_files", DataTypes.LongType, false)
                .add("payload_bytes", DataTypes.LongType, false)
                .add("errors", DataTypes.IntegerType, false)
                .add("warnings", DataTypes.IntegerType, false)
                .add("finding_codes", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add("findings", DataTypes.createArrayType(FINDING, false), false);
    }

    static Row row(SourceEntry bundle, VerificationReport report) {
        List<String> codes = new ArrayList<>();
        List<Row> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (!codes.contains(finding.code())) {
                codes.add(finding.code());
            }
            findings.add(RowFactory.create(finding.code(), finding.severity().name().toLowerCase(java.util.Locale.ROOT),
                    finding.path(), finding.message()));
        }
        return RowFactory.create(bundle.uri(), bundle.fileName(), report.valid() ? "valid" : "invalid", report.valid(),
                report.complete(), report.signed(), report.signer(), report.trusted(),
                report.timestamp() == null ? null : Timestamp.from(report.timestamp()), report.payloadFiles(),
                report.payloadBytes(), report.errors().size(), report.warnings().size(), Rows.seq(codes), Rows.seq(findings));
    }

    /** A bundle that could not be read at all. */
    static Row unreadable(SourceEntry bundle, String why) {
        return RowFactory.create(bundle.uri(), bundle.fileName(), "unreadable", false, false, false, null, null, null,
                0L, 0L, 1, 0, Rows.seq(List.of("E_UNREADABLE")), Rows.seq(List.of(RowFactory.create("E_UNREADABLE", "error", null, why))));
    }
}
