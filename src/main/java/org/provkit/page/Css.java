package org.provkit.page;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * CSS queries parsed once: jsoup parses a query string on every {@code select(String)}, which was a tenth of the
 * page analysis's time. Only constant queries come here, so the cache stays small.
 */
public final class Css {

    private static final Map<String, Evaluator> PARSED = new ConcurrentHashMap<>();

    private Css() {
    }

    public static Evaluator of(String query) {
        return PARSED.computeIfAbsent(query, QueryParser::parse);
    }
}
