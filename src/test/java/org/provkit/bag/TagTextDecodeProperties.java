package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Tag files decode strictly in their declared encoding: text exactly as a strict decoder gives it, or an error. */
class TagTextDecodeProperties {

    @Property(tries = 3000)
    void decodesAsAStrictDecoderOrRefuses(@ForAll("bytes") byte[] bytes, @ForAll("charsets") String charsetName) {
        Charset charset = Charset.forName(charsetName);
        String expected;
        try {
            boolean bom = TagText.startsWithUtf8Bom(bytes) && charset.equals(StandardCharsets.UTF_8);
            byte[] body = bom ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
            expected = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            if (!expected.isEmpty() && expected.charAt(0) == '\uFEFF') {
                expected = expected.substring(1);
            }
        } catch (CharacterCodingException e) {
            assertThatThrownBy(() -> TagText.decode(bytes, charset)).isInstanceOf(CharacterCodingException.class);
            return;
        }
        try {
            assertThat(TagText.decode(bytes, charset).text()).isEqualTo(expected);
        } catch (CharacterCodingException e) {
            throw new AssertionError("refused text a strict decoder accepts", e);
        }
    }

    @Example
    void aLongValidManifestAndABrokenEnd() throws CharacterCodingException {
        String line = "ab".repeat(64) + "  data/café/文件.txt\n";
        byte[] bytes = line.repeat(5000).getBytes(StandardCharsets.UTF_8);
        assertThat(TagText.decode(bytes, StandardCharsets.UTF_8).text()).isEqualTo(line.repeat(5000));
        byte[] broken = Arrays.copyOf(bytes, bytes.length + 1);
        broken[broken.length - 1] = (byte) 0xE6; // the first byte of a three-byte sequence, then the end
        assertThatThrownBy(() -> TagText.decode(broken, StandardCharsets.UTF_8)).isInstanceOf(CharacterCodingException.class);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> pieces = Arbitraries.of(new byte[] {'a'}, new byte[] {'\n'}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0xC3, (byte) 0xA9}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE6, (byte) 0x96, (byte) 0x87},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE}, new byte[] {0}, new byte[] {(byte) 0xD8, 0x00}, new byte[] {(byte) 0x80});
        return pieces.list().ofMaxSize(20).map(list -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "US-ASCII");
    }
}
