package org.provkit.bag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code bag-info.txt} / {@code package-info.txt} leniently, reporting what does not follow the format
 * instead of failing: continuation lines start with space or tab; before 1.0 any whitespace around the colon
 * is fine, in 1.0 it is a warning (metadata layout never makes a bag's content doubtful).
 */
public final class BagInfoReader {

    private static final Pattern STRICT = Pattern.compile("[^:\\s][^:]*?: [^ \\t].*|[^:\\s][^:]*?:", Pattern.DOTALL);

    private BagInfoReader() {
    }

    public record Reading(BagInfo info, List<ReadProblem> problems) {
    }

    public static Reading read(String text, boolean strictLayout) {
        List<BagInfo.Entry> entries = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        String label = null;
        StringBuilder value = null;
        List<String> lines = TagText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (label == null) {
                    problems.add(new ReadProblem("E_BAG_INFO", "line " + (i + 1) + " continues a value but no label came before"));
                } else {
                    value.append(' ').append(line.strip());
                }
                continue;
            }
            if (label != null) {
                entries.add(new BagInfo.Entry(label, value.toString()));
                label = null;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank()) {
                problems.add(new ReadProblem("E_BAG_INFO", "line " + (i + 1) + " is not 'Label: value': '" + line + "'"));
                continue;
            }
            if (strictLayout && !STRICT.matcher(line).matches()) {
                problems.add(new ReadProblem("W_BAG_INFO", "line " + (i + 1)
                        + " should read 'Label: value' (one space after the colon, none before): '" + line + "'"));
            }
            label = line.substring(0, colon).strip();
            value = new StringBuilder(line.substring(colon + 1).strip());
        }
        if (label != null) {
            entries.add(new BagInfo.Entry(label, value.toString()));
        }
        return new Reading(new BagInfo(entries), problems);
    }
}
