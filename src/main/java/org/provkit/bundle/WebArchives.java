package org.provkit.bundle;

import java.util.Locale;

/** Web archive file names: their members are mostly pages, parsed in provkit's own JVM, so they start no child early. */
final class WebArchives {

    private WebArchives() {
    }

    static boolean named(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".warc") || lower.endsWith(".warc.gz") || lower.endsWith(".arc") || lower.endsWith(".arc.gz")
                || lower.endsWith(".wacz");
    }
}
