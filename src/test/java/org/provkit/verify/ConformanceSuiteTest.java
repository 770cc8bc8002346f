package org.provkit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Library of Congress BagIt conformance suite (public domain, copied under src/test/resources):
 * valid/ bags verify, invalid/, linux-only/ and windows-only/ bags do not, warning/ bags verify with a
 * warning. windows-only/ bags hold paths that escape the bag on Windows (drive letters, UNC, %VAR%\);
 * provkit refuses them everywhere, as unsafe paths, because a bag is meant to be opened anywhere.
 */
class ConformanceSuiteTest {

    static final Path SUITE = Path.of("src/test/resources/bagit-conformance");

    static final SignatureChecker NO_SIGNATURES = (content, p7s, trust) -> {
        throw new AssertionError("no bag of the suite is signed");
    };

    static VerificationReport verify(Path bag) {
        return BagVerifier.verify(bag, VerifyOptions.defaults(), NO_SIGNATURES, new java.util.concurrent.atomic.AtomicLong(),
                new java.util.concurrent.atomic.AtomicLong());
    }

    static List<Path> bags(String category) throws IOException {
        try (Stream<Path> versions = Files.list(SUITE)) {
            return versions.filter(Files::isDirectory).sorted()
                    .flatMap(v -> {
                        Path dir = v.resolve(category);
                        if (!Files.isDirectory(dir)) {
                            return Stream.empty();
                        }
                        try (Stream<Path> bags = Files.list(dir)) {
                            return bags.filter(Files::isDirectory).sorted().toList().stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> validBagsAreValid() throws IOException {
        return bags("valid").stream().map(bag -> DynamicTest.dynamicTest(SUITE.relativize(bag).toString(), () -> {
            VerificationReport report = verify(bag);
            assertThat(report.errors()).as(report.findings().toString()).isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.complete()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidBagsAreInvalid() throws IOException {
        return Stream.of("invalid", "linux-only", "windows-only").flatMap(category -> {
            try {
                return bags(category).stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(bag -> DynamicTest.dynamicTest(SUITE.relativize(bag).toString(), () -> {
            VerificationReport report = verify(bag);
            assertThat(report.valid()).as(report.findings().toString()).isFalse();
            assertThat(report.errors()).allSatisfy(f -> assertThat(f.path()).isNotNull());
        }));
    }

    @TestFactory
    Stream<DynamicTest> warningBagsAreValidWithAWarning() throws IOException {
        return bags("warning").stream().map(bag -> DynamicTest.dynamicTest(SUITE.relativize(bag).toString(), () -> {
            VerificationReport report = verify(bag);
            assertThat(report.errors()).as(report.findings().toString()).isEmpty();
            assertThat(report.warnings()).isNotEmpty();
        }));
    }

    @Test
    void suiteIsThere() throws IOException {
        assertThat(bags("valid")).hasSizeGreaterThan(20);
        assertThat(bags("invalid")).hasSizeGreaterThan(10);
        assertThat(bags("warning")).hasSize(6);
    }

    /** Each invalid bag fails for its own reason, not by accident. */
    @TestFactory
    Stream<DynamicTest> invalidBagsFailForTheRightReason() {
        return Stream.of(
                expect("v1.0/invalid/bagit-with-invalid-whitespace", "E_BAGIT_TXT", "bagit.txt"),
                expect("v1.0/invalid/notAllManifestsListAllFiles", "E_EXTRA", "data/missingFromManifest.txt"),
                expect("v1.0/invalid/same-filename-listed-twice-with-the-same-hash", "E_DUPLICATE", "data/README"),
                expect("v1.0/invalid/same-filename-listed-twice-with-different-hashes", "E_DUPLICATE", "data/README"),
                expect("v0.97/invalid/baginfo-missing-encoding", "E_BAGIT_TXT", "bagit.txt"),
                expect("v0.97/invalid/bom-in-bagit.txt", "E_BOM", "bagit.txt"),
                expect("v0.97/invalid/corrupt-data-file", "E_CHECKSUM", "data/bare-filename"),
                expect("v0.97/invalid/corrupt-tag-file", "E_CHECKSUM", "bagit.txt"),
                expect("v0.97/invalid/extra-file-in-bag", "E_EXTRA", "data/bar"),
                expect("v0.97/invalid/invalid-version-number", "E_VERSION", "bagit.txt"),
                expect("v0.97/invalid/missing-baginfo", "E_MISSING", "bag-info.txt"),
                expect("v0.97/invalid/missing-bagit.txt", "E_BAGIT_TXT", "bagit.txt"),
                expect("v0.97/invalid/out-of-scope-file-paths-using-dot-notation", "E_UNSAFE_PATH", "manifest-md5.txt"),
                expect("v0.97/invalid/out-of-scope-file-paths-using-dot-notation-for-fetch", "E_UNSAFE_PATH", "fetch.txt"),
                expect("v0.97/invalid/same-filename-listed-twice-with-different-hashes", "E_DUPLICATE", "data/README"),
                expect("v0.97/linux-only/out-of-scope-file-paths-using-absolute-path", "E_UNSAFE_PATH", "manifest-md5.txt"),
                expect("v0.97/linux-only/out-of-scope-file-paths-using-shortcut-username-for-fetch", "E_UNSAFE_PATH", "fetch.txt"),
                expect("v0.97/windows-only/out-of-scope-file-paths-using-absolute-path", "E_UNSAFE_PATH", "manifest-md5.txt"),
                expect("v0.97/windows-only/out-of-scope-file-paths-using-unc", "E_UNSAFE_PATH", "manifest-md5.txt"),
                expect("v0.97/windows-only/out-of-scope-file-paths-using-shortcut-for-fetch", "E_UNSAFE_PATH", "fetch.txt"));
    }

    private static DynamicTest expect(String bag, String code, String path) {
        return DynamicTest.dynamicTest(bag + " → " + code, () -> {
            VerificationReport report = verify(SUITE.resolve(bag));
            assertThat(report.errors()).as(report.findings().toString())
                    .anySatisfy(f -> {
                        assertThat(f.code()).isEqualTo(code);
                        assertThat(f.path()).isEqualTo(path);
                    });
        });
    }

}
