package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.apache.commons.codec.binary.Base32;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * A WARC digest, written in any of the forms crawlers use (base32 as the WARC guidelines say, base16, base64;
 * upper or lower case where the form allows), matches exactly the bytes it was made from: one changed byte is a
 * mismatch, and no header, however malformed, makes the check throw. The values are encoded here with commons-codec
 * and the JDK, not with jwarc, which reads them.
 */
class RecordedDigestProperties {

    static final java.util.List<String> FORMS = java.util.List.of("base32", "base32-lower", "base32-unpadded", "base16",
            "base16-upper", "base64");

    @Property(tries = 300)
    void aDigestInAnyFormMatchesItsBytes(@ForAll @Size(max = 2000) byte[] content, @ForAll("algorithms") String algorithm,
            @ForAll("forms") String form) {
        RecordedDigest declared = RecordedDigest.of(algorithm + ":" + encode(digest(algorithm, content), form));
        assertThat(declared.check(fed(declared, content))).isEqualTo(RecordedDigest.Result.OK);
    }

    @Property(tries = 300)
    void oneChangedByteIsAMismatch(@ForAll @Size(min = 1, max = 2000) byte[] content, @ForAll("algorithms") String algorithm,
            @ForAll("forms") String form, @ForAll @IntRange(min = 0, max = 1999) int position, @ForAll @IntRange(min = 1, max = 255) int flip) {
        RecordedDigest declared = RecordedDigest.of(algorithm + ":" + encode(digest(algorithm, content), form));
        byte[] changed = content.clone();
        changed[position % changed.length] ^= (byte) flip;
        assertThat(declared.check(fed(declared, changed))).isEqualTo(RecordedDigest.Result.MISMATCH);
    }

    @Property(tries = 500)
    void aMalformedValueOfAKnownAlgorithmMatchesNothingAndNeverThrows(@ForAll("algorithms") String algorithm, @ForAll String value,
            @ForAll @StringLength(max = 100) String text) {
        byte[] content = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RecordedDigest declared = RecordedDigest.of(algorithm + ":" + value);
        if (declared != null) {
            byte[] actual = digest(algorithm, content);
            boolean encodesIt = FORMS.stream().anyMatch(form -> encode(actual, form).equals(value.strip()));
            assertThat(declared.check(fed(declared, content)))
                    .isEqualTo(encodesIt ? RecordedDigest.Result.OK : RecordedDigest.Result.MISMATCH);
        }
    }

    @Property(tries = 200)
    void anyHeaderAtAllIsReadWithoutThrowing(@ForAll String header) {
        RecordedDigest declared = RecordedDigest.of(header);
        if (declared != null) {
            assertThat(declared.raw()).isEqualTo(header.strip());
        }
    }

    @Example
    void anUnknownAlgorithmIsUncheckedAndAnAbsentOneIsNull() {
        RecordedDigest unknown = RecordedDigest.of("blake9:AAAA");
        assertThat(unknown.newDigester()).isNull();
        assertThat(unknown.check(null)).isEqualTo(RecordedDigest.Result.UNCHECKED);
        assertThat(RecordedDigest.of(null)).isNull();
        assertThat(RecordedDigest.of("  ")).isNull();
    }

    @Example
    void theWarcGuidelinesExampleMatches() {
        // SHA-1 of the empty payload, as Heritrix writes it
        RecordedDigest empty = RecordedDigest.of("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
        assertThat(empty.check(empty.newDigester())).isEqualTo(RecordedDigest.Result.OK);
    }

    @Provide
    Arbitrary<String> algorithms() {
        return Arbitraries.of("sha1", "SHA-1", "sha256", "sha-256", "md5", "sha512");
    }

    @Provide
    Arbitrary<String> forms() {
        return Arbitraries.of(FORMS);
    }

    static MessageDigest fed(RecordedDigest declared, byte[] content) {
        MessageDigest digester = declared.newDigester();
        digester.update(content);
        return digester;
    }

    static byte[] digest(String algorithm, byte[] content) {
        String name = algorithm.toUpperCase(java.util.Locale.ROOT).replace("SHA-", "SHA").replace("SHA", "SHA-");
        try {
            return MessageDigest.getInstance(name).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(byte[] digest, String form) {
        return switch (form) {
            case "base32" -> new Base32().encodeAsString(digest);
            case "base32-lower" -> new Base32().encodeAsString(digest).toLowerCase(java.util.Locale.ROOT);
            case "base32-unpadded" -> new Base32().encodeAsString(digest).replace("=", "");
            case "base16" -> HexFormat.of().formatHex(digest);
            case "base16-upper" -> HexFormat.of().withUpperCase().formatHex(digest);
            case "base64" -> Base64.getEncoder().encodeToString(digest);
            default -> throw new IllegalArgumentException(form);
        };
    }
}
