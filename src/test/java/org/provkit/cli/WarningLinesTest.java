package org.provkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.provkit.bundle.DocumentWarning;

class WarningLinesTest {

    @Example
    void aFewWarningsArePrintedOnePerDocument() {
        List<DocumentWarning> warnings = List.of(new DocumentWarning("a.txt", "no source named"),
                new DocumentWarning("b.txt", "no source named"));
        assertThat(WarningLines.of(warnings)).containsExactly("warning: a.txt: no source named", "warning: b.txt: no source named");
    }

    @Example
    void manyAreGroupedByMessageMostFrequentFirst() {
        List<DocumentWarning> warnings = new ArrayList<>();
        warnings.add(new DocumentWarning("blob.bin", "language not detected"));
        IntStream.range(0, 30).forEach(i -> warnings.add(new DocumentWarning("art-" + i + ".txt", "no source named")));
        assertThat(WarningLines.of(warnings)).containsExactly(
                "warning: 30 documents: no source named (art-0.txt, art-1.txt, ...)",
                "warning: blob.bin: language not detected",
                "warning: 31 warnings in all; --json lists each, and each document's record in the bundle holds its own");
    }

    @Example
    void manyDistinctMessagesStopAtTheLimitAndSayHowManyAreNotShown() {
        List<DocumentWarning> warnings = IntStream.range(0, 50).mapToObj(i -> new DocumentWarning("f" + i, "problem " + i)).toList();
        List<String> lines = WarningLines.of(warnings);
        assertThat(lines).hasSize(WarningLines.MAX_LINES);
        assertThat(lines.get(0)).isEqualTo("warning: f0: problem 0");
        assertThat(lines.get(lines.size() - 1)).startsWith("warning: 50 warnings in all, 31 of them not shown here;");
    }

    /** Never more than the limit, and every warning is either counted on a line or in the "not shown" figure. */
    @Property(tries = 300)
    void everyWarningIsAccountedFor(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 30) Integer> messages) {
        List<DocumentWarning> warnings = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            warnings.add(new DocumentWarning("doc-" + i, "message " + messages.get(i)));
        }
        List<String> lines = WarningLines.of(warnings);
        assertThat(lines.size()).isLessThanOrEqualTo(WarningLines.MAX_LINES);
        if (warnings.size() <= WarningLines.MAX_LINES) {
            assertThat(lines).hasSize(warnings.size());
            return;
        }
        Pattern group = Pattern.compile("warning: (\\d+) documents: .*");
        Pattern notShown = Pattern.compile(".*, (\\d+) of them not shown here;.*");
        int counted = 0;
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher m = group.matcher(line);
            counted += m.matches() ? Integer.parseInt(m.group(1)) : 1;
        }
        Matcher rest = notShown.matcher(lines.get(lines.size() - 1));
        counted += rest.matches() ? Integer.parseInt(rest.group(1)) : 0;
        assertThat(counted).isEqualTo(warnings.size());
        assertThat(lines.get(lines.size() - 1)).startsWith("warning: " + warnings.size() + " warnings in all");
    }
}
