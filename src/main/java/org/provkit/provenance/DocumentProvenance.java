package org.provkit.provenance;

import java.util.List;

/**
 * What provkit records about where a document came from. Serialized with Jackson: the field names
 * are the {@code inspect --json} contract of DESIGN.md.
 */
public record DocumentProvenance(
        String language,
        String title,
        List<Object> urls,
        Attribution attribution,
        List<Object> credits,
        List<Object> missingAssets,
        List<String> warnings) {

    public record Attribution(List<Object> chain) {
    }
}
