package org.provkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.provkit.bundle.DocumentWarning;

/**
 * The warning lines bundle prints. A few are printed one per document. Many (a collection of 2,000
 * articles gave 335, nearly all the same) are printed once per distinct message, with how many
 * documents have it and the first of them, most frequent first, and at most {@link #MAX_LINES} lines:
 * every warning stays in {@code --json} and in its document's record in the bundle.
 */
final class WarningLines {

    static final int MAX_LINES = 20;
    private static final int EXAMPLES = 2;

    private WarningLines() {
    }

    static List<String> of(List<DocumentWarning> warnings) {
        List<String> lines = new ArrayList<>();
        if (warnings.size() <= MAX_LINES) {
            warnings.forEach(w -> lines.add("warning: " + w.path() + ": " + w.message()));
            return lines;
        }
        Map<String, List<String>> byMessage = new LinkedHashMap<>();
        warnings.forEach(w -> byMessage.computeIfAbsent(w.message(), m -> new ArrayList<>()).add(w.path()));
        List<Map.Entry<String, List<String>>> groups = new ArrayList<>(byMessage.entrySet());
        // Stable: equal counts keep the order the documents were bundled in.
        groups.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        int shown = 0;
        for (Map.Entry<String, List<String>> group : groups) {
            if (lines.size() == MAX_LINES - 1) {
                break;
            }
            List<String> paths = group.getValue();
            if (paths.size() == 1) {
                lines.add("warning: " + paths.get(0) + ": " + group.getKey());
            } else {
                String examples = String.join(", ", paths.subList(0, Math.min(EXAMPLES, paths.size())));
                lines.add("warning: " + paths.size() + " documents: " + group.getKey() + " (" + examples
                        + (paths.size() > EXAMPLES ? ", ..." : "") + ")");
            }
            shown += paths.size();
        }
        lines.add("warning: " + warnings.size() + " warnings in all" + (shown < warnings.size()
                ? ", " + (warnings.size() - shown) + " of them not shown here" : "")
                + "; --json lists each, and each document's record in the bundle holds its own");
        return lines;
    }
}
