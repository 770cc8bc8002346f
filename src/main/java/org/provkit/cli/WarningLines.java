package org.provkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.provkit.bundle.DocumentWarning;
import org.provkit.bundle.SourceNote;

/**
 * The warning and note lines bundle prints. A few are printed one per document. Many (a collection of 2,000
 * articles gave 335 warnings, nearly all the same; a folder of 1,000 bundles gives 1,000 notes) are printed
 * once per distinct message, with how many documents have it and the first of them, most frequent first, and
 * at most {@link #MAX_LINES} lines: every one stays in {@code --json} (and each warning in its document's
 * record in the bundle).
 */
final class WarningLines {

    static final int MAX_LINES = 20;
    private static final int EXAMPLES = 2;

    /** One line's worth: where, and what. */
    private record Item(String path, String message) {
    }

    private WarningLines() {
    }

    static List<String> of(List<DocumentWarning> warnings) {
        return lines("warning", "documents", warnings.stream().map(w -> new Item(w.path(), w.message())).toList(),
                "; --json lists each, and each document's record in the bundle holds its own");
    }

    static List<String> notes(List<SourceNote> notes) {
        return lines("note", "files", notes.stream().map(n -> new Item(n.path(), n.message())).toList(), "; --json lists each");
    }

    private static List<String> lines(String label, String things, List<Item> items, String whereAll) {
        List<String> lines = new ArrayList<>();
        if (items.size() <= MAX_LINES) {
            items.forEach(w -> lines.add(label + ": " + w.path() + ": " + w.message()));
            return lines;
        }
        Map<String, List<String>> byMessage = new LinkedHashMap<>();
        items.forEach(w -> byMessage.computeIfAbsent(w.message(), m -> new ArrayList<>()).add(w.path()));
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
                lines.add(label + ": " + paths.get(0) + ": " + group.getKey());
            } else {
                String examples = String.join(", ", paths.subList(0, Math.min(EXAMPLES, paths.size())));
                lines.add(label + ": " + paths.size() + " " + things + ": " + group.getKey() + " (" + examples
                        + (paths.size() > EXAMPLES ? ", ..." : "") + ")");
            }
            shown += paths.size();
        }
        lines.add(label + ": " + items.size() + " " + label + "s in all" + (shown < items.size()
                ? ", " + (items.size() - shown) + " of them not shown here" : "") + whereAll);
        return lines;
    }
}
