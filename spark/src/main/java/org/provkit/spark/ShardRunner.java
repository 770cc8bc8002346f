package org.provkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/** Driver side of {@code bundle}'s main stage: one task per shard, each counted attempt promoted. */
final class ShardRunner {

    private ShardRunner() {
    }

    /**
     * Runs one task per shard. The driver promotes the bundle of each shard's first successful attempt
     * (Spark reports exactly one per partition) as it arrives, on its own threads, so that the scheduler
     * is never held up by a slow rename (a copy, on object stores) and finished shards survive a driver
     * that dies later.
     */
    static Map<Integer, BundleOutcome> run(SparkSession spark, JavaSparkContext jsc, Configuration conf,
            List<Shard> shards, BundleSettings settings, FileSystem fs) throws Exception {
        JavaRDD<Shard> rdd = jsc.parallelize(shards, shards.size());
        Map<Integer, BundleOutcome> outcomes = new ConcurrentHashMap<>();
        ExecutorService promoter = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "provkit-promote");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> promotions = java.util.Collections.synchronizedList(new ArrayList<>());
        BundlePromoter promote = new BundlePromoter(fs, settings);
        try {
            spark.sparkContext().runJob(rdd.rdd(), new ShardFunction(settings, conf),
                    new AbstractFunction2<Object, BundleOutcome, BoxedUnit>() {
                        @Override
                        public BoxedUnit apply(Object partition, BundleOutcome outcome) {
                            promotions.add(promoter.submit(() -> {
                                promote.promote(outcome);
                                outcomes.put(outcome.shard(), outcome);
                                return null;
                            }));
                            return BoxedUnit.UNIT;
                        }
                    }, ClassTag$.MODULE$.apply(BundleOutcome.class));
        } finally {
            promoter.shutdown();
            synchronized (promotions) {
                for (Future<?> promotion : promotions) {
                    promotion.get();
                }
            }
        }
        return outcomes;
    }

}
