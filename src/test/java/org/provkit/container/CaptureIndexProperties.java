package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compact capture index answers as a map from the normalised URL to the best capture would (a success over a
 * redirect over an error, the first of equals): the rule the crawl check relies on.
 */
class CaptureIndexProperties {

    private static final List<String> URLS = List.of("https://news.example/a.html", "https://NEWS.example:443/a.html#top",
            "http://news.example/a.html", "https://news.example/img/1.jpg", "https://news.example", "https://news.example/",
            "https://news.example/img/1.jpg?w=2", "https://news.example/ñ.jpg", "not a url", "https://news.example:8443/x");

    @Property(tries = 500)
    void findsTheBestCaptureOfEachUrl(@ForAll("captures") List<Capture> captures) {
        CaptureIndex index = new CaptureIndex();
        Map<String, CaptureIndex.Entry> model = new HashMap<>();
        for (Capture capture : captures) {
            index.add(capture);
            if (capture.url() != null) {
                CaptureIndex.Entry entry = new CaptureIndex.Entry(capture.httpStatus() == null ? 200 : capture.httpStatus(),
                        capture.location());
                model.merge(CaptureIndex.key(capture.url()), entry, (a, b) -> rank(b) < rank(a) ? b : a);
            }
        }
        assertThat(index.size()).isEqualTo(model.size());
        for (String url : URLS) {
            assertThat(index.find(url)).isEqualTo(model.get(CaptureIndex.key(url)));
        }
        assertThat(index.find("https://elsewhere.example/")).isNull();
    }

    @Example
    void takesCapturesFromSeveralThreadsAtOnce() throws Exception {
        CaptureIndex index = new CaptureIndex();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        index.add(capture("https://t" + thread + ".example/" + i, i % 2 == 0 ? 200 : 404, null));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(index.size()).isEqualTo(20_000);
        assertThat(index.find("https://t3.example/4999").status()).isEqualTo(404);
        assertThat(index.find("https://T2.example/4998#x").status()).isEqualTo(200);
    }

    private static int rank(CaptureIndex.Entry e) {
        return e.success() ? 0 : e.status() >= 300 && e.status() < 400 ? 1 : 2;
    }

    private static Capture capture(String url, Integer status, String location) {
        return new Capture(url, Instant.EPOCH, status, "text/html", location, null, "ok", null, null, null);
    }

    @Provide
    Arbitrary<List<Capture>> captures() {
        Arbitrary<String> url = Arbitraries.oneOf(Arbitraries.of(URLS), Arbitraries.just(null));
        Arbitrary<Integer> status = Arbitraries.oneOf(Arbitraries.of(200, 204, 301, 302, 404, 500, 99_999), Arbitraries.just(null));
        Arbitrary<String> location = Arbitraries.oneOf(Arbitraries.of("/b.html", "https://news.example/img/1.jpg", "é"),
                Arbitraries.just(null));
        return Combinators.combine(url, status, location).as(CaptureIndexProperties::capture).list().ofMaxSize(40);
    }
}
