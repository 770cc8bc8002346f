package org.provkit.provenance;

import java.util.List;

/** A news agency or publisher of the registry. */
public record Party(String name, String type, String country, List<String> aliases, List<String> codes,
        List<String> domains) {
}
