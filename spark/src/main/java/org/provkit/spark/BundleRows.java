package org.provkit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@code index/bundles/}: one row per bundle of the collection. */
final class BundleRows {

    private BundleRows() {
    }

    static StructType schema() {
        return new StructType()
                .add("collection", DataTypes.StringType, false)
                .add("bundle", DataTypes.StringType, false)
                .add("shard", DataTypes.IntegerType, false)
                .add("path", DataTypes.StringType, false)
                .add("bytes", DataTypes.LongType, false)
                .add("sha512", DataTypes.StringType, false)
                .add("tag_manifest_sha512", DataTypes.StringType, false)
                .add("documents", DataTypes.IntegerType, false)
                .add("source_bytes", DataTypes.LongType, false)
                .add("payload_files", DataTypes.LongType, false)
                .add("first_path", DataTypes.StringType, false)
                .add("last_path", DataTypes.StringType, false)
                .add("status", DataTypes.StringType, false)
                .add("signer", DataTypes.StringType, true)
                .add("note", DataTypes.StringType, true);
    }

    static Row row(String collection, Shard shard, BundleOutcome outcome, String path) {
        return RowFactory.create(collection, shard.name(), shard.index(), path, outcome.bytes(), outcome.sha512(),
                outcome.tagManifestSha512(), outcome.documents(), outcome.sourceBytes(), outcome.payloadFiles(),
                first(shard), last(shard),
                outcome.status().name().toLowerCase(java.util.Locale.ROOT), outcome.signer(), outcome.note());
    }

    private static String first(Shard shard) {
        return shard.files().stream().map(SourceEntry::recordedPath).min(String::compareTo).orElseThrow();
    }

    private static String last(Shard shard) {
        return shard.files().stream().map(SourceEntry::recordedPath).max(String::compareTo).orElseThrow();
    }
}
