package org.provkit.spark;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Driver side: moves the bundle of a shard's counted attempt to its final name. A bundle that is replaced
 * (it failed verification, or its sources changed) is moved aside to {@code bundles/_replaced/}, never
 * deleted. Only the driver writes final names, one shard at a time, so no two writers meet there.
 */
final class BundlePromoter {

    private final FileSystem fs;
    private final BundleSettings settings;

    BundlePromoter(FileSystem fs, BundleSettings settings) {
        this.fs = fs;
        this.settings = settings;
    }

    void promote(BundleOutcome outcome) throws IOException {
        if (outcome.status() == BundleOutcome.Status.KEPT) {
            return;
        }
        String file = outcome.name() + settings.format().extension();
        Path target = ShardTask.finalPath(settings.output(), outcome.name(), settings.format().extension());
        if (outcome.status() == BundleOutcome.Status.REBUILT && fs.exists(target)) {
            Path aside = new Path(new Path(new Path(settings.output(), "bundles"), "_replaced"), file + "." + settings.runId());
            fs.mkdirs(aside.getParent());
            rename(target, aside);
        }
        if (fs.exists(target)) {
            throw new IOException(target + " appeared while its shard was being bundled: is another job writing to "
                    + settings.output() + "?");
        }
        rename(new Path(outcome.attempt()), target);
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot move " + from + " to " + to);
        }
    }
}
