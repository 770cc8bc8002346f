package org.provkit.provenance;

import org.provkit.provenance.Signal.Kind;

/**
 * A party a page credits with its text, as one rule read it.
 *
 * @param party    the registry entry, or null for a party known only from the page
 * @param written  the name as the page writes it ({@code ТАСС}, {@code ats}, {@code Agência O Globo})
 * @param kind     where it goes in the chain: the author of the text, or where this copy was taken from
 * @param evidence the element and span, or the metadata field
 * @param visible  whether a reader sees it (text of the page), not only metadata
 */
record PageSignal(Party party, String written, Kind kind, Evidence evidence, boolean visible) {

    boolean registered() {
        return party != null;
    }
}
