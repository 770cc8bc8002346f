package org.provkit.spark;

import java.io.Serializable;

/**
 * What a shard's task did. {@code attempt} is where a new bundle waits to be promoted to its final name
 * (null when the existing bundle was kept); {@code sha512} is the digest of the whole bundle file and
 * {@code tagManifestSha512} that of its {@code tagmanifest-sha512.txt}.
 */
public record BundleOutcome(int shard, String name, Status status, String attempt, long bytes, String sha512,
        String tagManifestSha512, int documents, long sourceBytes, long payloadFiles, String signer, String note)
        implements Serializable {

    public enum Status {
        /** written by this run */
        BUILT,
        /** written by an earlier run, verified and kept */
        KEPT,
        /** an earlier bundle failed verification or no longer matched its sources: written again, the old one set aside */
        REBUILT
    }
}
