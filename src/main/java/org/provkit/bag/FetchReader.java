package org.provkit.bag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code fetch.txt} ({@code url length path}); unsafe paths are problems. Nothing is ever fetched. */
public final class FetchReader {

    private static final Pattern LINE = Pattern.compile("(\\S+)[ \\t]+(\\S+)[ \\t]+(.+)", Pattern.DOTALL);

    private FetchReader() {
    }

    public record Reading(List<FetchEntry> entries, List<ReadProblem> problems) {
    }

    public static Reading read(String text, boolean percentDecode) {
        List<FetchEntry> entries = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        List<String> lines = TagText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(new ReadProblem("E_FETCH", "line " + number + " is not 'url length path': '" + line + "'"));
                continue;
            }
            long length;
            if (m.group(2).equals("-")) {
                length = FetchEntry.UNKNOWN_LENGTH;
            } else {
                try {
                    length = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    problems.add(new ReadProblem("E_FETCH", "line " + number + ": length '" + m.group(2)
                            + "' is neither a number nor '-'"));
                    continue;
                }
            }
            String path = percentDecode ? PayloadPathCodec.decode(m.group(3)) : m.group(3);
            path = BagPaths.stripDotSlash(path);
            Optional<String> unsafe = BagPaths.unsafeReason(path);
            if (unsafe.isPresent()) {
                problems.add(new ReadProblem("E_UNSAFE_PATH", "line " + number + ": '" + ManifestReader.printable(path)
                        + "' is refused: " + unsafe.get()));
                continue;
            }
            entries.add(new FetchEntry(m.group(1), length, path, number));
        }
        return new Reading(entries, problems);
    }
}
