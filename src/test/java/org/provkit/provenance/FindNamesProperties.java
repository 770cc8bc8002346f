package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link PartyRegistry#findNames} finds what a plain search for every registered name finds. */
class FindNamesProperties {

    private static final PartyRegistry REGISTRY = PartyRegistry.builtIn();
    private static final List<String> NAMES = REGISTRY.foldedNames().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();

    @Property(tries = 2000)
    void findsTheLongestNameAtEachWordStart(@ForAll("texts") String text) {
        List<String> expected = new ArrayList<>();
        String folded = PartyRegistry.fold(text);
        int i = 0;
        while (i < folded.length()) {
            if (!Character.isLetterOrDigit(folded.charAt(i)) || (i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1)))) {
                i++;
                continue;
            }
            int wordEnd = i;
            while (wordEnd < folded.length() && Character.isLetterOrDigit(folded.charAt(wordEnd))) {
                wordEnd++;
            }
            int next = wordEnd;
            String word = folded.substring(i, wordEnd);
            for (String name : NAMES) {
                int end = i + name.length();
                boolean sameFirstWord = name.startsWith(word) && (name.length() == word.length() || !Character.isLetterOrDigit(name.charAt(word.length())));
                if (sameFirstWord && folded.startsWith(name, i) && (end == folded.length() || !Character.isLetterOrDigit(folded.charAt(end)))) {
                    expected.add(i + ":" + end);
                    next = end;
                    break;
                }
            }
            i = next;
        }
        List<String> actual = REGISTRY.findNames(text).stream().map(m -> m.start() + ":" + m.end()).toList();
        assertThat(actual).as(text).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> names = Arbitraries.of(List.copyOf(REGISTRY.foldedNames()))
                .map(n -> n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1));
        Arbitrary<String> words = Arbitraries.of("la", "agencia", "según", "prensa", "latina", "radio", "habana", "EFE", "AFP",
                "reuters", "xinhua", "2024", "é", "l'", "’", "—", " ", ", ", ".", "(", ")", "\n", "news");
        return Arbitraries.oneOf(names, words, words).list().ofMaxSize(15).map(parts -> String.join(" ", parts));
    }
}
