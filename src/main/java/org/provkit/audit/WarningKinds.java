package org.provkit.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.provkit.audit.AuditReport.DocumentSummary;

/**
 * The warnings bundling recorded in the documents' records, by kind, most frequent first: what the HTML report
 * lists under "Bundle-time warnings". A kind is a warning's words before its first {@code ": "} (what follows
 * names the document's own case: "text extraction failed: …", "conflicting publisher evidence: …"), so the list
 * stays short however many documents there are.
 */
record WarningKinds(List<Kind> kinds, int documents) {

    /** Documents named as examples of one kind. */
    static final int EXAMPLES = 3;

    /** A kind, how many documents have it, and the first few of them with their warning as recorded. */
    record Kind(String name, int documents, List<Example> examples) {
    }

    record Example(String bundle, String path, String warning) {
    }

    static WarningKinds of(List<DocumentSummary> documents) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<Example>> examples = new LinkedHashMap<>();
        int warned = 0;
        for (DocumentSummary document : documents) {
            if (!document.warnings().isEmpty()) {
                warned++;
            }
            Map<String, String> firstOfKind = new LinkedHashMap<>();
            for (String warning : new LinkedHashSet<>(document.warnings())) {
                firstOfKind.putIfAbsent(kind(warning), warning);
            }
            firstOfKind.forEach((kind, warning) -> {
                counts.merge(kind, 1, Integer::sum);
                List<Example> some = examples.computeIfAbsent(kind, k -> new ArrayList<>());
                if (some.size() < EXAMPLES) {
                    some.add(new Example(document.bundle(), document.path(), warning));
                }
            });
        }
        List<Kind> kinds = new ArrayList<>();
        counts.forEach((kind, count) -> kinds.add(new Kind(kind, count, List.copyOf(examples.get(kind)))));
        kinds.sort((a, b) -> Integer.compare(b.documents(), a.documents()));
        return new WarningKinds(List.copyOf(kinds), warned);
    }

    static String kind(String warning) {
        int colon = warning.indexOf(": ");
        return colon > 0 ? warning.substring(0, colon) : warning;
    }
}
