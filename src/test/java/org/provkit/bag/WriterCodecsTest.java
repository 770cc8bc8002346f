package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The codecs the bundle writer relies on: manifest lines, percent-encoding, bag-info folding. */
class WriterCodecsTest {

    @Test
    void manifestLinesEncodeOnlyCrLfAndPercent() {
        assertThat(new ManifestLine("ABC", "data/a b%\r\n.txt").format()).isEqualTo("abc  data/a b%25%0D%0A.txt\n");
        assertThat(new ManifestLine("abc", "data/%7Etest.txt").format()).isEqualTo("abc  data/%257Etest.txt\n");
        assertThat(new ManifestLine("abc", "data/é.txt").format()).isEqualTo("abc  data/é.txt\n");
    }

    @Test
    void decodingLeavesOtherEscapesAlone() {
        assertThat(PayloadPathCodec.decode("data/%7Etest.txt")).isEqualTo("data/%7Etest.txt");
        assertThat(PayloadPathCodec.decode("data/a%0d%0A%25b")).isEqualTo("data/a\r\n%b");
        assertThat(PayloadPathCodec.decode("data/100%")).isEqualTo("data/100%");
        assertThat(PayloadPathCodec.decode("%2")).isEqualTo("%2");
    }

    @Property
    void percentEncodingRoundTrips(@ForAll String path) {
        String encoded = PayloadPathCodec.encode(path);
        assertThat(encoded).doesNotContain("\r").doesNotContain("\n");
        assertThat(PayloadPathCodec.decode(encoded)).isEqualTo(path);
    }

    @Test
    void longBagInfoValuesFoldAtSpacesAndReadBack() {
        String value = "word ".repeat(40).strip();
        BagInfo info = BagInfo.empty().with("External-Description", value).with("Bagging-Date", "2026-11-28");
        String text = info.format();
        assertThat(text.lines()).allMatch(line -> line.length() <= BagInfo.FOLD_WIDTH);
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("  ");
        assertThat(BagInfo.parse(text)).isEqualTo(info);
    }

    @Test
    void aValueWhoseFirstWordIsLongerThanALineIsNotFoldedAfterItsLabel() {
        String value = "a".repeat(90) + " b";
        BagInfo info = BagInfo.empty().with("Label", value);
        assertThat(info.format()).startsWith("Label: " + "a".repeat(90) + "\n");
        assertThat(BagInfo.parse(info.format()).first("label")).contains(value);
    }

    @Property
    void bagInfoRoundTripsValuesWithoutLineBreaks(@ForAll("values") String value) {
        BagInfo info = BagInfo.empty().with("Label", value);
        assertThat(BagInfo.parse(info.format()).first("label")).contains(value);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> values() {
        return net.jqwik.api.Arbitraries.strings().withChars("abcé 12-:").ofMaxLength(300)
                .map(s -> s.strip().replaceAll(" +", " "));
    }

    @Test
    void labelsAndValuesThatWouldBreakTheFileAreRefused() {
        assertThatThrownBy(() -> BagInfo.empty().with("Bad:Label", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BagInfo.empty().with("Label", "two\nlines")).isInstanceOf(IllegalArgumentException.class);
    }
}
