package org.provkit.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who is credited for one asset of the document ({@code Foto: ACN}, a figcaption, IPTC Credit Line).
 *
 * @param asset      {@code image}, {@code video}, {@code graphic} or {@code audio}
 * @param party      the credited party as the document writes it (for lines of text: the registry's name when
 *                   the credit names a registered party)
 * @param evidence   the credit line
 * @param registered whether {@code party} is in the registry
 * @param lead       for web pages, whether this is the credit of the article's lead picture; null elsewhere
 */
public record Credit(String asset, String party, Evidence evidence, boolean registered,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean lead) {

    public Credit(String asset, String party, Evidence evidence, boolean registered) {
        this(asset, party, evidence, registered, null);
    }
}
