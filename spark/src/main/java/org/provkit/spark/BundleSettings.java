package org.provkit.spark;

import java.io.Serializable;

import org.provkit.bundle.BundleFormat;

/**
 * What every shard's task needs to know, decided once on the driver.
 *
 * @param output       the job's output folder (any Hadoop URI)
 * @param runId        this run's id: attempt folders are named after it
 * @param bagTime      seconds since 1970, the same for every shard
 * @param reproducible true when bagTime came from SOURCE_DATE_EPOCH
 * @param registry     an extra party registry (any Hadoop URI), or null
 * @param signer       the job's signing material, or null for unsigned bundles
 * @param pauseShard   tests only: the shard whose first attempt waits after writing its bundle, or 0
 */
public record BundleSettings(String output, String collection, String runId, BundleFormat format, String organization,
        String archivist, long bagTime, boolean reproducible, String registry, int threads, JobSigner signer,
        int pauseShard) implements Serializable {
}
