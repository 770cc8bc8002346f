package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tag-file readers turn any text into entries and findings, never an exception: a damaged
 * manifest is a finding in the report, not "internal error" and exit 3. Found by the one-bit-flip
 * property of {@code VerifyBundlesTest}: a '-' turned into a CR split a manifest line into a part with
 * no blank, and {@link ManifestReader} read the character before index 0.
 */
class TagReadersProperties {

    /** Text made of what tag files are made of, damaged: hex digits, blanks, line ends, paths, labels, percent signs. */
    @Provide
    Arbitrary<String> tagText() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF \t\r\n:%/.*-_~\\dataBagIt-Version").ofMaxLength(400);
    }

    @Property(tries = 2000)
    void manifestsNeverThrow(@ForAll("tagText") String text, @ForAll boolean percentDecode) {
        ManifestReader.Reading reading = ManifestReader.read(text, ChecksumAlgorithm.SHA256, percentDecode);
        assertThat(reading.entries().size() + reading.problems().size()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 1000)
    void bagInfoNeverThrows(@ForAll("tagText") String text, @ForAll boolean strict) {
        BagInfoReader.read(text, strict);
    }

    @Property(tries = 1000)
    void fetchNeverThrows(@ForAll("tagText") String text, @ForAll boolean percentDecode) {
        FetchReader.read(text, percentDecode);
    }

    @Property(tries = 1000)
    void declarationNeverThrows(@ForAll("tagText") String text) {
        BagitDeclaration.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Example
    void aManifestLineWithNoBlankIsAFinding() {
        String checksum = "a".repeat(64);
        ManifestReader.Reading reading = ManifestReader.read(checksum + " data/a.txt\n" + checksum.substring(0, 20) + "\r"
                + checksum.substring(20) + " data/b.txt\n", ChecksumAlgorithm.SHA256, true);
        assertThat(reading.entries()).extracting(ManifestEntry::path).containsExactly("data/a.txt");
        assertThat(reading.problems()).extracting(ReadProblem::code).contains("E_MANIFEST_LINE");
        assertThat(reading.problems()).anyMatch(p -> p.message().startsWith("line 2 is not 'checksum path'"));
    }
}
