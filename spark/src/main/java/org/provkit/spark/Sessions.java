package org.provkit.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The job's Spark session: spark-submit's, or (run directly, without a master) local mode on every core. */
final class Sessions {

    private Sessions() {
    }

    static SparkSession get(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (!new SparkConf().contains("spark.master") && SparkSession.getActiveSession().isEmpty()
                && SparkSession.getDefaultSession().isEmpty()) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
