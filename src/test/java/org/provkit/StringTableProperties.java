package org.provkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The compact string set behaves as a map from each string to the order it was first added in, for any string. */
class StringTableProperties {

    @Property(tries = 300)
    void numbersEveryStringInTheOrderItCameAndGivesItBackExactly(@ForAll("strings") List<String> added,
            @ForAll("strings") List<String> lookedUp) {
        StringTable table = new StringTable();
        Map<String, Integer> model = new LinkedHashMap<>();
        for (String s : added) {
            boolean isNew = !model.containsKey(s);
            model.putIfAbsent(s, model.size());
            if (isNew) {
                assertThat(table.add(s)).isTrue();
            } else {
                assertThat(table.add(s)).isFalse();
            }
            assertThat(table.number(s)).isEqualTo(model.get(s));
        }
        assertThat(table.size()).isEqualTo(model.size());
        model.forEach((s, number) -> {
            assertThat(table.indexOf(s)).isEqualTo(number);
            assertThat(table.get(number)).isEqualTo(s);
        });
        for (String s : lookedUp) {
            assertThat(table.indexOf(s)).isEqualTo(model.getOrDefault(s, -1));
            assertThat(table.contains(s)).isEqualTo(model.containsKey(s));
        }
    }

    @Property(tries = 1000)
    void theEncodingGivesBackAnyStringAndIsUtf8ForAscii(@ForAll("strings1") String s) {
        byte[] bytes = StringTable.encode(s);
        assertThat(StringTable.decode(bytes, 0, bytes.length)).isEqualTo(s);
        if (s.chars().allMatch(c -> c > 0 && c < 0x80)) {
            assertThat(bytes).isEqualTo(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Example
    void loneSurrogatesAreDistinctStrings() {
        // Standard UTF-8 would make both "?": one entry, and neither given back.
        StringTable table = new StringTable();
        assertThat(table.add("a\uD800")).isTrue();
        assertThat(table.add("a\uDC00")).isTrue();
        assertThat(table.add("a?")).isTrue();
        assertThat(table.get(0)).isEqualTo("a\uD800");
        assertThat(table.get(1)).isEqualTo("a\uDC00");
        assertThat(table.indexOf("a\uDC00")).isEqualTo(1);
    }

    @Example
    void manyStringsAcrossChunksAndStringsLongerThanAChunk() {
        StringTable table = new StringTable();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            String s = i % 10_000 == 0 ? "long " + "é".repeat(StringTable.CHUNK) + i // 2 bytes a char: two chunks' worth
                    : "https://news.example/" + i + (i % 3 == 0 ? "/ñ" : "");
            all.add(s);
            assertThat(table.number(s)).isEqualTo(i);
        }
        assertThat(table.number("")).isEqualTo(60_000);
        assertThat(table.size()).isEqualTo(60_001);
        for (int i = 0; i < all.size(); i++) {
            assertThat(table.indexOf(all.get(i))).isEqualTo(i);
            assertThat(table.get(i)).isEqualTo(all.get(i));
        }
        assertThat(table.get(60_000)).isEmpty();
        assertThat(table.indexOf("https://news.example/60000")).isEqualTo(-1);
        assertThatThrownBy(() -> table.get(60_001)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Provide
    Arbitrary<List<String>> strings() {
        // Few distinct values, so that strings come again; any chars, lone surrogates and NUL included.
        Arbitrary<String> one = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'd').ofMaxLength(3),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("", "\u0000", "\uD800", "\uDC00", "é", "e\u0301", "ß", "SS", "https://a.example/", "https://A.example/"));
        return one.list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> strings1() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40), Arbitraries.strings().ascii().ofMaxLength(40));
    }
}
