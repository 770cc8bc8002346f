package org.provkit.bag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The labels of {@code bag-info.txt}, in order, repeatable, labels compared case-insensitively.
 * Immutable; build one with {@link #with}.
 */
public record BagInfo(List<Entry> entries) {

    /** Lines longer than this are folded onto indented continuation lines (RFC 8493 §2.2.2 allows it). */
    public static final int FOLD_WIDTH = 79;

    public record Entry(String label, String value) {
        public Entry {
            if (label.isEmpty() || label.indexOf(':') >= 0 || !label.strip().equals(label)
                    || label.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("not a bag-info label: '" + label + "'");
            }
            if (value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("a bag-info value holds a line break: " + label);
            }
        }
    }

    public BagInfo {
        entries = List.copyOf(entries);
    }

    public static BagInfo empty() {
        return new BagInfo(List.of());
    }

    public BagInfo with(String label, String value) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(new Entry(label, value));
        return new BagInfo(more);
    }

    public List<String> values(String label) {
        return entries.stream().filter(e -> e.label().equalsIgnoreCase(label)).map(Entry::value).toList();
    }

    public Optional<String> first(String label) {
        return values(label).stream().findFirst();
    }

    /** The file's text: {@code Label: value} lines, long values folded at spaces, LF line ends. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(fold(entry.label() + ": " + entry.value()));
        }
        return out.toString();
    }

    private static String fold(String line) {
        if (line.length() <= FOLD_WIDTH) {
            return line + "\n";
        }
        StringBuilder out = new StringBuilder();
        String rest = line;
        String indent = "";
        while ((indent + rest).length() > FOLD_WIDTH) {
            int limit = FOLD_WIDTH - indent.length();
            // Never fold right after the label: the value would read back with a leading space.
            int earliest = indent.isEmpty() ? rest.indexOf(": ") + 2 : 1;
            int cut = rest.lastIndexOf(' ', limit);
            if (cut < earliest) {
                cut = rest.indexOf(' ', Math.max(limit, earliest));
            }
            if (cut < earliest) {
                break;
            }
            out.append(indent).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + 1);
            indent = "  ";
        }
        out.append(indent).append(rest).append('\n');
        return out.toString();
    }

    /** Reads a bag-info text (already decoded to characters); continuation lines start with space or tab. */
    public static BagInfo parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String label = null;
        StringBuilder value = null;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && label != null) {
                value.append(value.isEmpty() ? "" : " ").append(line.strip());
                continue;
            }
            if (label != null) {
                entries.add(new Entry(label, value.toString()));
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("bag-info line without a label: '" + line + "'");
            }
            label = line.substring(0, colon).strip();
            value = new StringBuilder(line.substring(colon + 1).strip());
        }
        if (label != null) {
            entries.add(new Entry(label, value.toString()));
        }
        return new BagInfo(entries);
    }

    @Override
    public String toString() {
        return "BagInfo" + entries.stream().map(e -> e.label().toLowerCase(Locale.ROOT)).toList();
    }
}
