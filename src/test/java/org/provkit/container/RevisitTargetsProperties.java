package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compact revisit targets find what maps of the three keys would: by record ID first, then URL and date, then
 * payload digest (case and surrounding spaces aside), the first capture that had the key.
 */
class RevisitTargetsProperties {

    record Added(String id, String url, Instant date, String digest, Long offset, int ordinal) {
    }

    record Query(String refersTo, String url, Instant date, String digest) {
    }

    @Property(tries = 500)
    void findsTheCaptureMapsOfTheThreeKeysWouldFind(@ForAll("added") List<Added> added, @ForAll("queries") List<Query> queries) {
        RevisitTargets targets = new RevisitTargets();
        Map<String, RevisitTargets.Target> byId = new HashMap<>();
        Map<String, RevisitTargets.Target> byUrlAndDate = new HashMap<>();
        Map<String, RevisitTargets.Target> byDigest = new HashMap<>();
        for (Added a : added) {
            targets.add(a.id(), a.url(), a.date(), a.digest(), a.offset(), a.ordinal());
            RevisitTargets.Target target = new RevisitTargets.Target(a.id(), a.offset(), a.ordinal());
            if (a.id() != null) {
                byId.putIfAbsent(a.id(), target);
            }
            if (a.url() != null && a.date() != null) {
                byUrlAndDate.putIfAbsent(a.url() + ' ' + a.date(), target);
            }
            if (a.digest() != null) {
                byDigest.putIfAbsent(a.digest().strip().toLowerCase(Locale.ROOT), target);
            }
        }
        for (Query q : queries) {
            RevisitTargets.Target expected = q.refersTo() == null ? null : byId.get(q.refersTo());
            if (expected == null && q.url() != null && q.date() != null) {
                expected = byUrlAndDate.get(q.url() + ' ' + q.date());
            }
            if (expected == null && q.digest() != null) {
                expected = byDigest.get(q.digest().strip().toLowerCase(Locale.ROOT));
            }
            assertThat(targets.find(q.refersTo(), q.url(), q.date(), q.digest())).isEqualTo(expected);
        }
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.of("urn:uuid:1", "urn:uuid:2", "urn:uuid:3"), Arbitraries.just(null));
    }

    private static Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.of("https://a.example/", "https://b.example/x"), Arbitraries.just(null));
    }

    private static Arbitrary<Instant> dates() {
        return Arbitraries.oneOf(Arbitraries.of(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z")),
                Arbitraries.just(null));
    }

    private static Arbitrary<String> digests() {
        return Arbitraries.oneOf(Arbitraries.of("sha1:ABC", " sha1:abc ", "sha1:DEF"), Arbitraries.just(null));
    }

    @Provide
    Arbitrary<List<Added>> added() {
        Arbitrary<Long> offset = Arbitraries.oneOf(Arbitraries.longs().between(0, 1L << 40), Arbitraries.just(null));
        return Combinators.combine(ids(), urls(), dates(), digests(), offset, Arbitraries.integers().between(0, 1000))
                .as(Added::new).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Query>> queries() {
        return Combinators.combine(ids(), urls(), dates(), digests()).as(Query::new).list().ofMaxSize(20);
    }
}
