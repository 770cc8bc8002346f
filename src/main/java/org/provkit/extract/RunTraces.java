package org.provkit.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps what differs from run to run out of records and warnings, so two runs over the same sources
 * give the same bytes. Tika reads many formats (images, 7z, anything it must seek in) from a temporary
 * copy named {@code apache-tika-NNN.tmp} (or {@code .jpg}, ...), and that copy leaks: the image readers
 * report the copy's name and modification time as the document's "File Name" and "File Modified Date",
 * and parser messages quote its path. Such a path or name, and the path of provkit's own staging copy
 * (a source whose name is not UTF-8 is read from there), becomes {@value #PLACEHOLDER}; the two keys that
 * describe only Tika's copy are dropped. Parser exceptions also name objects by their identity hash
 * ({@code DefaultParser@6892b3b6}), different in every JVM: the hash is dropped, the class name kept.
 * Nothing else is touched: a document's own metadata may well name a path under /tmp.
 */
final class RunTraces {

    static final String PLACEHOLDER = "(temporary file)";

    /** metadata-extractor's file-system directory: it describes the file it was handed, here Tika's copy. */
    private static final List<String> COPY_ONLY_KEYS = List.of("File Name", "File Modified Date");

    private static final String TIKA_TEMP_NAME = "apache-tika-[0-9]+(?:\\.[\\w-]{1,20})?";
    /** A character of a path in a message: not a blank, a quote, a bracket or punctuation that ends a clause. */
    private static final String PATH_CHAR = "[^\\s'\"()\\[\\]<>:,;]";
    private static final String STAGING_NAME = "\\.provkit-tmp-" + PATH_CHAR + "*";
    /** One of the two names, with the folders before it when the text gives a path. */
    private static final Pattern TRACE = Pattern.compile(
            "(?:/" + PATH_CHAR + "*/)?(?:" + TIKA_TEMP_NAME + "|" + STAGING_NAME + ")");
    private static final Pattern TIKA_COPY = Pattern.compile(TIKA_TEMP_NAME);
    /** A qualified class name and an identity hash: {@code org.apache.tika.parser.DefaultParser@6892b3b6}. */
    private static final Pattern OBJECT_IDENTITY = Pattern.compile("((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*)@[0-9a-f]{1,8}\\b");

    private RunTraces() {
    }

    /** {@code text} with every temporary path or name replaced by {@value #PLACEHOLDER}, and no identity hash. */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (out.indexOf('@') >= 0) {
            out = OBJECT_IDENTITY.matcher(out).replaceAll("$1");
        }
        if (out.contains("apache-tika-") || out.contains(".provkit-tmp-")) {
            out = TRACE.matcher(out).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
        }
        return out;
    }

    static List<String> scrub(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        texts.forEach(text -> out.add(scrub(text)));
        return out;
    }

    /** The metadata without Tika's copy's own name and time, every value scrubbed. */
    static Map<String, List<String>> clean(Map<String, List<String>> metadata) {
        boolean describesCopy = metadata.getOrDefault("File Name", List.of()).stream()
                .anyMatch(name -> TIKA_COPY.matcher(name).find());
        Map<String, List<String>> out = new TreeMap<>();
        metadata.forEach((key, values) -> {
            if (describesCopy && COPY_ONLY_KEYS.contains(key)) {
                return;
            }
            out.put(key, scrub(values));
        });
        return out;
    }
}
