package org.provkit.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One party of an attribution chain.
 *
 * @param party        the party's name: for web pages as the page writes it ({@code ТАСС}, {@code Agencia Efe}); for
 *                     other documents the registry's name, or the name the document gives (site name, footer, domain)
 * @param role         {@code origin}, {@code intermediary} or {@code publisher} (of the archived copy)
 * @param evidence     every piece of evidence naming this party, in document order
 * @param registered   whether the party is in the agency registry
 * @param registryName the registry's name for a registered party (one name for every way pages write it), else null
 */
public record Hop(String party, String role, List<Evidence> evidence, boolean registered,
        @JsonInclude(JsonInclude.Include.NON_NULL) String registryName) {

    public static final String ORIGIN = "origin";
    public static final String INTERMEDIARY = "intermediary";
    public static final String PUBLISHER = "publisher";

    public Hop(String party, String role, List<Evidence> evidence, boolean registered) {
        this(party, role, evidence, registered, null);
    }
}
