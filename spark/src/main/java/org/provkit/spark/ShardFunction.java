package org.provkit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.util.SerializableConfiguration;

import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/** The task body Spark runs for each partition (one shard each): {@link ShardTask#run}. */
final class ShardFunction extends AbstractFunction2<TaskContext, Iterator<Shard>, BundleOutcome> implements Serializable {

    private final BundleSettings settings;
    private final SerializableConfiguration conf;

    ShardFunction(BundleSettings settings, Configuration conf) {
        this.settings = settings;
        this.conf = new SerializableConfiguration(conf);
    }

    @Override
    public BundleOutcome apply(TaskContext context, Iterator<Shard> shards) {
        Shard shard = shards.next();
        if (shards.hasNext()) {
            throw new IllegalStateException("a partition holds more than one shard");
        }
        try {
            return new ShardTask(settings, conf.value()).run(shard, context);
        } catch (IOException e) {
            throw new UncheckedIOException(shard.name() + ": " + e.getMessage(), e);
        }
    }
}
