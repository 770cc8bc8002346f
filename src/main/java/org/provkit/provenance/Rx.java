package org.provkit.provenance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiled regular expressions by their source text. {@code String.matches}, {@code split} and
 * {@code replaceAll} compile their pattern on every call; the rules call them once a line, thousands of
 * times a document, so they take their patterns from here instead (compiled once a run).
 */
final class Rx {

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Rx() {
    }

    static Pattern of(String regex) {
        Pattern pattern = COMPILED.get(regex);
        return pattern != null ? pattern : COMPILED.computeIfAbsent(regex, Pattern::compile);
    }
}
