package org.provkit.provenance;

import java.util.List;

/**
 * One party of an attribution chain.
 *
 * @param party      canonical name from the registry, or the name the document gives (site name, footer, domain)
 * @param role       {@code origin}, {@code intermediary} or {@code publisher} (of the archived copy)
 * @param evidence   every piece of evidence naming this party, in document order
 * @param registered whether the party is in the agency registry
 */
public record Hop(String party, String role, List<Evidence> evidence, boolean registered) {

    public static final String ORIGIN = "origin";
    public static final String INTERMEDIARY = "intermediary";
    public static final String PUBLISHER = "publisher";
}
