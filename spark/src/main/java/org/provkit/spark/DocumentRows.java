package org.provkit.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row per document, from the record provkit writes for it ({@code data/records/PATH.json}, the same
 * as {@code provkit inspect --json}): what {@code inspect} writes and what {@code bundle} indexes in
 * {@code index/documents/}. The chain lists its parties from the origin to the publisher.
 */
public final class DocumentRows {

    private static final StructType CREDIT = new StructType()
            .add("asset", DataTypes.StringType)
            .add("party", DataTypes.StringType);

    private static final List<StructField> DOCUMENT = List.of(
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField("source", DataTypes.StringType, true),
            DataTypes.createStructField("sha256", DataTypes.StringType, true),
            DataTypes.createStructField("bytes", DataTypes.LongType, false),
            DataTypes.createStructField("media_type", DataTypes.StringType, true),
            DataTypes.createStructField("language", DataTypes.StringType, true),
            DataTypes.createStructField("title", DataTypes.StringType, true),
            DataTypes.createStructField("canonical_url", DataTypes.StringType, true),
            DataTypes.createStructField("chain", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("origin", DataTypes.StringType, true),
            DataTypes.createStructField("publisher", DataTypes.StringType, true),
            DataTypes.createStructField("credits", DataTypes.createArrayType(CREDIT, false), false),
            DataTypes.createStructField("missing_assets", DataTypes.IntegerType, false),
            DataTypes.createStructField("warnings", DataTypes.createArrayType(DataTypes.StringType, false), false));

    private DocumentRows() {
    }

    /** {@code inspect}'s rows. */
    public static StructType inspectSchema() {
        return new StructType(DOCUMENT.toArray(StructField[]::new));
    }

    /** {@code index/documents/}: the collection and bundle first. */
    public static StructType indexSchema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("collection", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("bundle", DataTypes.StringType, false));
        fields.addAll(DOCUMENT);
        return new StructType(fields.toArray(StructField[]::new));
    }

    public static Row inspectRow(JsonNode record, String source) {
        return RowFactory.create(values(record, source).toArray());
    }

    public static Row indexRow(String collection, String bundle, JsonNode record, String source) {
        List<Object> values = new ArrayList<>();
        values.add(collection);
        values.add(bundle);
        values.addAll(values(record, source));
        return RowFactory.create(values.toArray());
    }

    private static List<Object> values(JsonNode record, String source) {
        List<String> chain = new ArrayList<>();
        String origin = null;
        String publisher = null;
        for (JsonNode hop : record.path("attribution").path("chain")) {
            String party = hop.path("party").asText();
            chain.add(party);
            if ("origin".equals(hop.path("role").asText()) && origin == null) {
                origin = party;
            }
            if ("publisher".equals(hop.path("role").asText())) {
                publisher = party;
            }
        }
        List<Row> credits = new ArrayList<>();
        for (JsonNode credit : record.path("credits")) {
            credits.add(RowFactory.create(text(credit, "asset"), text(credit, "party")));
        }
        String canonical = null;
        for (JsonNode url : record.path("urls")) {
            if ("canonical".equals(url.path("role").asText())) {
                canonical = url.path("url").asText();
                break;
            }
        }
        List<String> warnings = new ArrayList<>();
        record.path("warnings").forEach(w -> warnings.add(w.asText()));
        List<Object> values = new ArrayList<>();
        values.add(record.path("path").asText());
        values.add(source);
        values.add(text(record, "sha256"));
        values.add(record.path("bytes").asLong());
        values.add(text(record, "mediaType"));
        values.add(text(record, "language"));
        values.add(text(record, "title"));
        values.add(canonical);
        values.add(Rows.seq(chain));
        values.add(origin);
        values.add(publisher);
        values.add(Rows.seq(credits));
        values.add(record.path("missingAssets").size());
        values.add(Rows.seq(warnings));
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
