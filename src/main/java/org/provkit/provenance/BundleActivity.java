package org.provkit.provenance;

import java.time.Instant;

/** The bundling itself, as PROV sees it: an activity by provkit on behalf of the archivist. */
public record BundleActivity(String bundleName, Instant started, Instant ended, String softwareAgent,
        String archivist, String organization) {
}
