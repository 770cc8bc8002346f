package org.provkit.spark;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code index/documents/}: one row per document of each final bundle, read back from the bundle itself
 * (its records), so the index always says what the bundles hold, whichever run wrote them.
 */
final class IndexDocuments implements FlatMapFunction<IndexDocuments.Input, Row>, Serializable {

    /** A final bundle and where each of its recorded paths came from. */
    record Input(String bundle, String path, Map<String, String> sources) implements Serializable {
    }

    private final String collection;
    private final SerializableConfiguration conf;

    IndexDocuments(String collection, SerializableConfiguration conf) {
        this.collection = collection;
        this.conf = conf;
    }

    @Override
    public Iterator<Row> call(Input input) throws Exception {
        Path path = new Path(input.path());
        BundleReader.Contents contents;
        try (InputStream in = path.getFileSystem(conf.value()).open(path)) {
            contents = BundleReader.read(in, BundleReader.isGzip(path.getName()), true);
        }
        List<Row> rows = new ArrayList<>(contents.records().size());
        for (JsonNode record : contents.records()) {
            String recorded = record.path("path").asText();
            rows.add(DocumentRows.indexRow(collection, input.bundle(), record, input.sources().get(recorded)));
        }
        return rows.iterator();
    }
}
