package org.provkit.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.bag.ArchiveLimits;
import org.provkit.bag.BagSource;
import org.provkit.bag.BagSources;

/** Streams chosen files out of a bundle, in the bundle's own order, in one pass. */
public final class BundleEntries {

    /** Receives one chosen file's bytes. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String bagPath, InputStream content) throws IOException;
    }

    private BundleEntries() {
    }

    /**
     * Calls {@code visitor} for each file of {@code bundle} whose path in the bag is in {@code wanted}.
     *
     * @return the wanted paths the bundle does not hold
     */
    public static Set<String> forEach(Path bundle, Set<String> wanted, Visitor visitor) {
        Set<String> missing = new HashSet<>(wanted);
        BagSource source = BagSources.open(bundle, ArchiveLimits.defaults());
        boolean folder = source.format().equals("directory");
        try {
            source.forEach((file, content) -> {
                String path = BundleIndex.pathInBag(file, folder);
                if (content != null && path != null && missing.remove(path)) {
                    visitor.visit(path, content);
                }
            }, new AtomicLong());
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, bundle + ": cannot be read to the end (" + e.getMessage() + ")", e);
        }
        return missing;
    }
}
