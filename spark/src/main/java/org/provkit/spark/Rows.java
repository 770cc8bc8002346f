package org.provkit.spark;

import java.util.List;

/** Spark 4's row encoder takes arrays as Scala sequences, not Java lists. */
final class Rows {

    private Rows() {
    }

    static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }
}
