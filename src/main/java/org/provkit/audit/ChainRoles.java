package org.provkit.audit;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the role of a hop: origin, publisher or intermediary, by its role name or else by its place. */
final class ChainRoles {

    enum Kind { ORIGIN, PUBLISHER, INTERMEDIARY }

    private static final Set<String> ORIGIN = Set.of("origin", "source", "author", "originator", "creator", "agency");
    private static final Set<String> PUBLISHER = Set.of("publisher", "republisher", "site", "outlet", "broadcaster");

    private ChainRoles() {
    }

    /** The origin of a chain: its first hop that is an origin; null when none is. */
    static String origin(List<AuditReport.Hop> chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (kinds(chain.get(i).role(), i, chain.size()).contains(Kind.ORIGIN)) {
                return chain.get(i).party();
            }
        }
        return null;
    }

    /**
     * The publisher of the archived copy: the last hop that is a publisher; null when none is (a one-hop chain
     * whose hop is the origin: inspect says the publisher is unknown, and so does every view of the audit).
     */
    static String publisher(List<AuditReport.Hop> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (kinds(chain.get(i).role(), i, chain.size()).contains(Kind.PUBLISHER)) {
                return chain.get(i).party();
            }
        }
        return null;
    }

    /** What a hop is; a chain of one unnamed hop is both origin and publisher. */
    static Set<Kind> kinds(String role, int position, int length) {
        if (role != null) {
            String normal = role.toLowerCase(Locale.ROOT).strip();
            if (ORIGIN.contains(normal)) {
                return Set.of(Kind.ORIGIN);
            }
            if (PUBLISHER.contains(normal)) {
                return Set.of(Kind.PUBLISHER);
            }
            if (!normal.isEmpty()) {
                return Set.of(Kind.INTERMEDIARY);
            }
        }
        if (length == 1) {
            return Set.of(Kind.ORIGIN, Kind.PUBLISHER);
        }
        if (position == 0) {
            return Set.of(Kind.ORIGIN);
        }
        return position == length - 1 ? Set.of(Kind.PUBLISHER) : Set.of(Kind.INTERMEDIARY);
    }
}
