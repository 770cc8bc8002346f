package org.provkit.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The audit's small sample collection (see {@link AuditFixtures}), for tests in other packages. */
public final class AuditTestCollections {

    private AuditTestCollections() {
    }

    /** Creates {@code archives} holding four small bundles (tar, tar.gz, zip and a folder); returns it. */
    public static Path sample(Path archives) throws IOException {
        Files.createDirectories(archives);
        AuditFixtures.writeCollection(archives);
        return archives;
    }

    public static final String SEED_BUNDLE = AuditFixtures.SEED_BUNDLE;
}
