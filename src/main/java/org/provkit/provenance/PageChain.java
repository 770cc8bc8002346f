package org.provkit.provenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.provkit.provenance.Signal.Kind;

/**
 * A web page's attribution chain: one hop per credited party (its evidence merged), authors of the text before
 * the outlets the copy was taken from, the publisher last. A party the page names only in metadata is a hop only
 * when it is a registered news agency or an explicit provenance field (syndication-source, original-source,
 * isBasedOn); otherwise it only adds evidence to a hop the reader can see. A party naming the publisher itself
 * ({@code Door: NU.nl}, {@code Źródło: Rzeczpospolita}) joins the publisher's hop.
 */
final class PageChain {

    private PageChain() {
    }

    static List<Hop> build(List<PageSignal> signals, PublisherNaming.Publisher publisher, List<String> warnings) {
        List<Evidence> publisherEvidence = new ArrayList<>();
        Map<String, List<PageSignal>> groups = new LinkedHashMap<>();
        for (PageSignal s : signals) {
            if (publisher != null && isPublisher(s, publisher)) {
                publisherEvidence.add(s.evidence());
                continue;
            }
            String key = null;
            for (var e : groups.entrySet()) {
                if (PageSourceRules.sameParty(e.getValue().get(0), s) || !s.registered() && !e.getValue().get(0).registered()
                        && PublisherNaming.sameName(e.getValue().get(0).written(), s.written())) {
                    key = e.getKey();
                    break;
                }
            }
            groups.computeIfAbsent(key != null ? key : "g" + groups.size(), k -> new ArrayList<>()).add(s);
        }
        List<List<PageSignal>> kept = new ArrayList<>();
        for (List<PageSignal> g : groups.values()) {
            if (g.get(0).registered() && "photo-agency".equals(g.get(0).party().type())) {
                continue; // a picture agency supplies pictures, never the text
            }
            boolean seen = g.stream().anyMatch(PageSignal::visible);
            boolean agency = g.get(0).registered() && "news-agency".equals(g.get(0).party().type());
            boolean explicit = g.stream().anyMatch(s -> s.evidence().field() != null && EXPLICIT_FIELDS.stream().anyMatch(f -> s.evidence().field().startsWith(f)));
            if (seen || agency || explicit) {
                kept.add(g);
            }
        }
        // Authors of the text first, then where the copy was taken from; document order within each.
        kept.sort(Comparator.comparingInt(PageChain::rank));
        List<Hop> chain = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            List<PageSignal> g = kept.get(i);
            chain.add(new Hop(name(g), i == 0 ? Hop.ORIGIN : Hop.INTERMEDIARY, evidence(g), g.get(0).registered(),
                    g.get(0).registered() ? g.get(0).party().name() : null));
        }
        if (publisher != null) {
            List<Evidence> ev = new ArrayList<>(publisherEvidence);
            publisher.evidence().forEach(e -> {
                if (!ev.contains(e)) {
                    ev.add(e);
                }
            });
            chain.add(new Hop(publisher.name(), Hop.PUBLISHER, ev, publisher.party() != null,
                    publisher.party() == null ? null : publisher.party().name()));
        }
        if (chain.isEmpty()) {
            warnings.add("no attribution evidence found: the chain is empty");
        } else if (publisher == null) {
            warnings.add("publisher of this copy unknown: no site name, title, copyright line or address names it");
        } else if (chain.size() == 1) {
            warnings.add("no source named: the chain holds only the publisher");
        }
        return chain;
    }

    private static final List<String> EXPLICIT_FIELDS = List.of("meta syndication-source", "meta original-source",
            "link rel=syndication-source", "link rel=original-source", "json-ld isBasedOn", "json-ld sourceOrganization");

    private static boolean isPublisher(PageSignal s, PublisherNaming.Publisher p) {
        if (s.registered() && p.party() != null) {
            return s.party() == p.party();
        }
        for (String form : p.forms()) {
            if (s.written() != null && PublisherNaming.sameName(form, s.written())) {
                return true;
            }
            if (s.registered() && (PublisherNaming.sameName(form, s.party().name())
                    || s.party().aliases().stream().anyMatch(a -> PublisherNaming.sameName(form, a)))) {
                return true;
            }
        }
        return false;
    }

    private static int rank(List<PageSignal> g) {
        int strongest = Kind.AUTHOR.rank;
        for (PageSignal s : g) {
            strongest = Math.max(strongest, s.kind().rank);
        }
        return strongest;
    }

    /** The name of a hop: as the page writes it where a reader sees it, in the registry's spelling of that form. */
    static String name(List<PageSignal> g) {
        PageSignal first = g.get(0);
        if (!first.registered()) {
            for (PageSignal s : g) {
                if (s.visible()) {
                    return s.written();
                }
            }
            return first.written();
        }
        Party p = first.party();
        List<String> visible = new ArrayList<>();
        for (PageSignal s : g) {
            if (s.visible() && s.written() != null && !s.written().isBlank()) {
                visible.add(s.written());
            }
        }
        if (visible.isEmpty() || visible.stream().anyMatch(w -> PartyRegistry.fold(w).equals(PartyRegistry.fold(p.name())))) {
            return p.name();
        }
        String w = visible.get(0);
        List<String> forms = new ArrayList<>(p.codes());
        forms.addAll(p.aliases());
        for (String f : forms) {
            if (PartyRegistry.fold(f).equals(PartyRegistry.fold(w))) {
                return f;
            }
        }
        return w;
    }

    private static List<Evidence> evidence(List<PageSignal> g) {
        List<Evidence> out = new ArrayList<>();
        for (PageSignal s : g) {
            if (!out.contains(s.evidence())) {
                out.add(s.evidence());
            }
        }
        return out;
    }
}
