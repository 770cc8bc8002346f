package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Which charset a page's bytes are read with: BOM, then valid multi-byte UTF-8, then the declaration. */
class HtmlCharsetTest {

    private static String choose(byte[] b, String hint) {
        return HtmlCharset.choose(b, b.length, hint);
    }

    @Test
    void utf8ByteOrderMarkWinsOverAnyDeclaration() {
        byte[] b = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};
        assertThat(choose(b, "text/html; charset=windows-1252")).isEqualTo("UTF-8");
    }

    @Test
    void utf16ByteOrderMarksAreLeftToTheParser() {
        assertThat(choose(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '<'}, "text/html; charset=utf-8")).isNull();
        assertThat(choose(new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0}, "text/html; charset=utf-8")).isNull();
    }

    @Test
    void validMultibyteUtf8BeatsAStaleDeclaration() {
        byte[] b = "<meta charset=euc-kr><p>대전일보 기사</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(choose(b, "text/html; charset=EUC-KR")).isEqualTo("UTF-8");
    }

    @Test
    void asciiOnlyFollowsTheDeclaration() {
        byte[] b = "<p>plain ascii</p>".getBytes(StandardCharsets.US_ASCII);
        assertThat(choose(b, "text/html; charset=ISO-8859-1")).isEqualTo("ISO-8859-1");
        assertThat(choose(b, null)).isNull();
    }

    @Test
    void latin1BytesAreNotUtf8() {
        byte[] b = "<p>Révolution à Genève</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(choose(b, "text/html; charset=iso-8859-1")).isEqualTo("ISO-8859-1");
        assertThat(choose(b, null)).isNull();
    }

    @Test
    void overlongFormsAndSurrogatesAreNotUtf8() {
        // "é" well-formed first, then an overlong "/" (C0 AF) or an encoded surrogate (ED A0 80)
        byte[] overlong = {(byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xC0, (byte) 0xAF, ' '};
        byte[] overlong3 = {(byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, ' '};
        byte[] surrogate = {(byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, ' '};
        byte[] beyond = {(byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, ' '};
        assertThat(HtmlCharset.validUtf8WithMultibyte(overlong, overlong.length)).isFalse();
        assertThat(HtmlCharset.validUtf8WithMultibyte(overlong3, overlong3.length)).isFalse();
        assertThat(HtmlCharset.validUtf8WithMultibyte(surrogate, surrogate.length)).isFalse();
        assertThat(HtmlCharset.validUtf8WithMultibyte(beyond, beyond.length)).isFalse();
    }

    @Test
    void aSequenceCutByTheEndOfWhatWasReadDoesNotCount() {
        byte[] full = "Zürich 東京".getBytes(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.validUtf8WithMultibyte(full, full.length - 1)).isTrue();
        assertThat(HtmlCharset.validUtf8WithMultibyte(full, full.length - 2)).isTrue();
        // only a cut sequence and no complete one: nothing shows it is UTF-8
        byte[] onlyCut = {'a', 'b', (byte) 0xE6, (byte) 0x9D};
        assertThat(HtmlCharset.validUtf8WithMultibyte(onlyCut, onlyCut.length)).isFalse();
    }

    @Test
    void anInvalidSequenceAtTheEndIsNoCutSequence() {
        // "é" in UTF-8, then Latin-1 "é" (E9) and "A": E9 41 is no prefix of any UTF-8 sequence
        byte[] b = {(byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE9, 'A'};
        assertThat(HtmlCharset.validUtf8WithMultibyte(b, b.length)).isFalse();
    }

    @Test
    void contentTypeCharsetIsReadInEveryWriting() {
        assertThat(HtmlCharset.fromContentType("text/html; charset=utf-8")).isEqualTo("UTF-8");
        assertThat(HtmlCharset.fromContentType("text/html;CHARSET = \"Shift_JIS\"")).isEqualTo("Shift_JIS");
        assertThat(HtmlCharset.fromContentType("text/html; charset='windows-1251'")).isEqualTo("windows-1251");
        assertThat(HtmlCharset.fromContentType("text/html; charset=x-no-such-charset")).isNull();
        assertThat(HtmlCharset.fromContentType("text/html")).isNull();
        assertThat(HtmlCharset.fromContentType(null)).isNull();
    }

    @Property(tries = 2000)
    void anyBytesGiveNullOrACharsetJavaKnows(@ForAll("bytes") byte[] bytes, @ForAll("hints") String hint) {
        String name = HtmlCharset.choose(bytes, bytes.length, hint);
        if (name != null) {
            assertThat(Charset.isSupported(name)).isTrue();
        }
    }

    @Property(tries = 2000)
    void textWithNonAsciiEncodedAsUtf8IsReadAsUtf8(@ForAll("texts") String text, @ForAll("hints") String hint) {
        byte[] b = ("<p>" + text + "é</p>").getBytes(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.choose(b, b.length, hint)).isEqualTo("UTF-8");
    }

    /** The check agrees with a strict decoder on every complete buffer that holds a non-ASCII byte. */
    @Property(tries = 3000)
    void agreesWithAStrictDecoder(@ForAll("bytes") byte[] bytes) {
        boolean strict;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            strict = true;
        } catch (CharacterCodingException e) {
            strict = false;
        }
        boolean nonAscii = false;
        for (byte x : bytes) {
            nonAscii |= x < 0;
        }
        if (strict) {
            assertThat(HtmlCharset.validUtf8WithMultibyte(bytes, bytes.length)).isEqualTo(nonAscii);
        } else if (!endsInLeadByteRun(bytes)) {
            assertThat(HtmlCharset.validUtf8WithMultibyte(bytes, bytes.length)).isFalse();
        }
    }

    /** Whether one of the last three bytes is a lead byte (the case a cut read allows). */
    private static boolean endsInLeadByteRun(byte[] b) {
        for (int i = Math.max(0, b.length - 3); i < b.length; i++) {
            if ((b[i] & 0xff) >= 0xC2) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> mostlyUtf8 = Arbitraries.strings().ofMaxLength(20).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .flatMap(b -> Arbitraries.integers().between(0, Math.max(0, b.length)).flatMap(cut ->
                        Arbitraries.bytes().map(x -> {
                            byte[] c = b.clone();
                            if (cut < c.length) {
                                c[cut] = x;
                            }
                            return c;
                        })));
        return Arbitraries.oneOf(random, mostlyUtf8);
    }

    @Provide
    Arbitrary<String> hints() {
        return Arbitraries.of(null, "text/html", "text/html; charset=utf-8", "text/html; charset=EUC-KR",
                "text/html; charset=bogus", "application/xhtml+xml; charset=windows-1252");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().ofMaxLength(40).filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    }
}
