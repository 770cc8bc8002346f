package org.provkit.provenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.provkit.provenance.Signal.Kind;

/**
 * Builds the attribution chain from signals: one hop per party (aliases merged, every piece of evidence kept),
 * ordered from the origin to the publisher of this copy.
 *
 * <p>The publisher is the party with the most publisher evidence (canonical URL host and site name weigh 3,
 * footer 2, document metadata 1). Every other party is placed by its strongest evidence: information sources
 * ("según EFE") before the author of the text (dateline agency) before the outlet the copy was taken from
 * ("Tomado de Prensa Latina"); ties keep document order. Source evidence naming the publisher itself (an
 * outlet's own dateline) joins the publisher's hop.
 */
final class ChainBuilder {

    /** A publisher candidate: a signal and how much it weighs. */
    record Weighted(Signal signal, int weight) {
    }

    private ChainBuilder() {
    }

    static List<Hop> build(List<Signal> sources, List<Weighted> publisherSignals, List<String> warnings) {
        Map<String, List<Weighted>> byPublisher = new LinkedHashMap<>();
        for (Weighted w : publisherSignals) {
            byPublisher.computeIfAbsent(key(w.signal(), publisherSignals), k -> new ArrayList<>()).add(w);
        }
        String publisherKey = null;
        int best = 0;
        for (var e : byPublisher.entrySet()) {
            int total = e.getValue().stream().mapToInt(Weighted::weight).sum();
            if (total > best) {
                best = total;
                publisherKey = e.getKey();
            }
        }
        List<Signal> allSources = new ArrayList<>(sources);
        for (var e : byPublisher.entrySet()) {
            if (e.getKey().equals(publisherKey)) {
                continue;
            }
            Signal first = e.getValue().get(0).signal();
            if (first.registered()) {
                // A registered agency named where the outlet usually stands (e.g. a closing "Prensa Latina" line
                // under another site's URL) is the source this copy was taken from.
                for (Weighted w : e.getValue()) {
                    allSources.add(new Signal(w.signal().party(), w.signal().name(), Kind.TAKEN_FROM, w.signal().evidence()));
                }
            } else {
                warnings.add("conflicting publisher evidence: \"" + first.name() + "\" (" + describe(first.evidence())
                        + ") is not the chosen publisher");
            }
        }
        Map<String, List<Signal>> byParty = new LinkedHashMap<>();
        for (Signal s : allSources) {
            String k = key(s, publisherSignals);
            byParty.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
        }
        List<Hop> hops = new ArrayList<>();
        List<Evidence> publisherEvidence = new ArrayList<>();
        Signal publisherSignal = null;
        if (publisherKey != null) {
            for (Weighted w : byPublisher.get(publisherKey)) {
                publisherEvidence.add(w.signal().evidence());
            }
            publisherSignal = bestNamed(byPublisher.get(publisherKey).stream().map(Weighted::signal).toList());
            List<Signal> own = byParty.remove(publisherKey);
            if (own != null) {
                own.forEach(s -> publisherEvidence.add(s.evidence()));
            }
        }
        List<Map.Entry<String, List<Signal>>> upstream = new ArrayList<>(byParty.entrySet());
        // Stable sort: by the rank of each party's strongest evidence, document order within a rank.
        upstream.sort(Comparator.comparingInt(e -> strongest(e.getValue()).rank));
        for (var e : upstream) {
            Signal named = bestNamed(e.getValue());
            hops.add(new Hop(named.name(), null, sorted(e.getValue().stream().map(Signal::evidence).toList()),
                    named.registered()));
        }
        if (publisherSignal != null) {
            hops.add(new Hop(publisherSignal.name(), Hop.PUBLISHER, sorted(publisherEvidence), publisherSignal.registered()));
        }
        List<Hop> chain = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            String role = h.role() != null ? h.role() : i == 0 ? Hop.ORIGIN : Hop.INTERMEDIARY;
            chain.add(new Hop(h.party(), role, h.evidence(), h.registered()));
        }
        if (chain.isEmpty()) {
            warnings.add("no attribution evidence found: the chain is empty");
        } else if (publisherSignal == null) {
            warnings.add("publisher of this copy unknown: no site name, canonical URL or footer names it");
        } else if (chain.size() == 1) {
            warnings.add("no source named: the chain holds only the publisher");
        }
        return chain;
    }

    private static Kind strongest(List<Signal> signals) {
        Kind k = signals.get(0).kind();
        for (Signal s : signals) {
            if (s.kind().strength > k.strength) {
                k = s.kind();
            }
        }
        return k;
    }

    /** The registered name when any signal is registered, else the longest readable name that is no domain. */
    private static Signal bestNamed(List<Signal> signals) {
        Signal best = signals.get(0);
        for (Signal s : signals) {
            if (s.registered() && !best.registered()) {
                best = s;
            } else if (!s.registered() && !best.registered() && looksLikeDomain(best.name()) && !looksLikeDomain(s.name())) {
                best = s;
            }
        }
        return best;
    }

    private static boolean looksLikeDomain(String name) {
        return Rx.of("[a-z0-9.-]+\\.[a-z]{2,}").matcher(name).matches();
    }

    /**
     * The identity of a party: its registry name; else its squeezed name, where a site name and a domain
     * are the same party when the name is the domain's main label.
     */
    private static String key(Signal s, List<Weighted> publisherSignals) {
        if (s.registered()) {
            return "registered:" + s.party().name();
        }
        if (looksLikeDomain(s.name())) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            for (Weighted w : publisherSignals) {
                Signal o = w.signal();
                if (!o.registered() && !looksLikeDomain(o.name())) {
                    if (TextAttributionRules.sameAsDomain(o.name(), s.name())) {
                        return squeeze(o.name());
                    }
                    names.add(squeeze(o.name()));
                }
            }
            // The site names itself (og:site_name, JSON-LD publisher, footer) and nothing else claims the
            // domain: the domain is that site's.
            if (names.size() == 1 && s.kind() == Kind.PUBLISHER) {
                return names.iterator().next();
            }
        }
        return squeeze(s.name());
    }

    private static String squeeze(String name) {
        return "named:" + Rx.of("[^\\p{L}\\p{N}]").matcher(PartyRegistry.fold(name)).replaceAll("");
    }

    private static List<Evidence> sorted(List<Evidence> evidence) {
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingInt((Evidence e) -> inOrder(e.in()))
                .thenComparingInt(e -> e.line() == null ? Integer.MAX_VALUE : e.line()));
        return out;
    }

    private static int inOrder(String in) {
        return Evidence.IN_TEXT.equals(in) ? 0 : Evidence.IN_MARKUP.equals(in) ? 1 : 2;
    }

    private static String describe(Evidence e) {
        return e.field() != null ? e.field() : "line " + e.line();
    }
}
