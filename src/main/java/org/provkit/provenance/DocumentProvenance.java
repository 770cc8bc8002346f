package org.provkit.provenance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What provkit records about where a document came from. Serialized with Jackson: the field names
 * are the {@code inspect --json} contract of DESIGN.md ({@code titleSource} and {@code authors} are extras).
 */
public record DocumentProvenance(
        String language,
        String title,
        String titleSource,
        List<UrlRef> urls,
        Attribution attribution,
        List<Credit> credits,
        List<MissingAsset> missingAssets,
        List<String> authors,
        List<String> warnings) {

    /** The chain runs from the origin to the publisher of the archived copy. */
    public record Attribution(List<Hop> chain) {

        @JsonIgnore
        public String describe() {
            return String.join(" → ", chain.stream().map(Hop::party).toList());
        }
    }

    /** The canonical URL of this copy, or null. */
    @JsonIgnore
    public String canonicalUrl() {
        return urls.stream().filter(u -> UrlRef.CANONICAL.equals(u.role())).map(UrlRef::url).findFirst().orElse(null);
    }
}
