package org.provkit.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.provkit.bundle.BundleFormat;
import org.provkit.sign.SignatureFiles;

/**
 * What {@code bundle} writes once every shard's bundle is final: {@code index/documents/} (read back from
 * the bundles), {@code index/bundles/}, and {@code collection/} with its signature.
 */
final class CollectionWriter {

    private final String collection;

    CollectionWriter(String collection) {
        this.collection = collection;
    }

    long writeIndexes(SparkSession spark, JavaSparkContext jsc, Configuration conf, org.apache.hadoop.fs.Path out,
            List<Shard> shards, Map<Integer, BundleOutcome> outcomes, BundleFormat bundleFormat) {
        List<IndexDocuments.Input> inputs = new ArrayList<>();
        List<Row> bundleRows = new ArrayList<>();
        for (Shard shard : shards) {
            BundleOutcome outcome = outcomes.get(shard.index());
            Map<String, String> sources = new TreeMap<>();
            shard.files().forEach(f -> sources.put(f.recordedPath(), f.uri()));
            String path = ShardTask.finalPath(out.toString(), shard.name(), bundleFormat.extension()).toString();
            inputs.add(new IndexDocuments.Input(shard.name(), path, sources));
            bundleRows.add(BundleRows.row(collection, shard, outcome, path));
        }
        long documents = shards.stream().mapToLong(s -> s.files().size()).sum();
        int files = (int) Math.max(1, Math.min(inputs.size(), (documents + 499_999) / 500_000));
        JavaRDD<Row> rows = jsc.parallelize(inputs, inputs.size())
                .flatMap(new IndexDocuments(collection, new SerializableConfiguration(conf)));
        spark.createDataFrame(rows, DocumentRows.indexSchema()).coalesce(files).write().mode("overwrite")
                .parquet(new org.apache.hadoop.fs.Path(out, "index/documents").toString());
        spark.createDataFrame(bundleRows, BundleRows.schema()).coalesce(1).write().mode("overwrite")
                .parquet(new org.apache.hadoop.fs.Path(out, "index/bundles").toString());
        return documents;
    }

    void writeCollection(Configuration conf, org.apache.hadoop.fs.Path out, List<BundleOutcome> outcomes,
            JobSigner signer, BundleFormat bundleFormat) throws IOException {
        List<CollectionManifest.Entry> entries = new ArrayList<>();
        for (BundleOutcome outcome : outcomes) {
            entries.add(new CollectionManifest.Entry(outcome.name(), "bundles/" + outcome.name() + bundleFormat.extension(),
                    outcome.sha512(), outcome.tagManifestSha512()));
        }
        HadoopFiles files = new HadoopFiles(conf);
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(out, CollectionManifest.FOLDER);
        byte[] tagManifests = CollectionManifest.tagManifests(entries);
        byte[] manifest = CollectionManifest.manifest(entries, tagManifests);
        files.writeAtomically(new org.apache.hadoop.fs.Path(folder, CollectionManifest.TAG_MANIFESTS), tagManifests);
        files.writeAtomically(new org.apache.hadoop.fs.Path(folder, CollectionManifest.MANIFEST), manifest);
        if (signer != null) {
            SignatureFiles signature = signer.signer().sign(manifest);
            for (Map.Entry<String, byte[]> file : signature.files().entrySet()) {
                String name = file.getKey().replace("tagmanifest-sha512.txt", CollectionManifest.MANIFEST);
                files.writeAtomically(new org.apache.hadoop.fs.Path(folder, name), file.getValue());
            }
        }
    }

}
