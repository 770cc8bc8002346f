package org.provkit.provenance;

/**
 * One piece of attribution evidence naming a party, before the chain is built.
 *
 * @param party    the registry entry, or null for a party known only from the document
 * @param name     the canonical name, or the name as the document gives it
 * @param kind     what sort of evidence it is (decides the party's place in the chain)
 * @param evidence the span or field
 */
record Signal(Party party, String name, Kind kind, Evidence evidence) {

    /** Evidence kinds, from the most upstream to the publisher of this copy. */
    enum Kind {
        /** In-text attribution inside a sentence ("según EFE"): the source of the information. */
        INFORMATION(1, 1),
        /** Dateline agency, JSON-LD sourceOrganization or author organisation: who wrote the text. */
        AUTHOR(2, 2),
        /** Closing source line ("Source:", "Tomado de", "Con información de", "With AFP"), isBasedOn: where this copy was taken from. */
        TAKEN_FROM(3, 3),
        /** Site name, canonical URL host, footer: who published this copy. */
        PUBLISHER(4, 4);

        final int rank;
        final int strength;

        Kind(int rank, int strength) {
            this.rank = rank;
            this.strength = strength;
        }
    }

    boolean registered() {
        return party != null;
    }

    static Signal of(Party party, Kind kind, Evidence evidence) {
        return new Signal(party, party.name(), kind, evidence);
    }
}
