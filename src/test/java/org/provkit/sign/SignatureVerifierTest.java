package org.provkit.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Trust decisions, forgeries and damaged input: results, never exceptions. */
class SignatureVerifierTest {

    static final byte[] CONTENT = "0123456789abcdef  manifest-sha512.txt\n".getBytes(StandardCharsets.UTF_8);

    /** One key and one signature shared by the property tries (signing is the slow part). */
    static final SigningKey KEY = TestCertificates.selfSigned(KeyType.EC, "CN=Archive Signer,O=City Archive");
    static final byte[] SIGNATURE = sign(KEY, CONTENT);

    @TempDir
    Path dir;

    static byte[] sign(SigningKey key, byte[] content) {
        try {
            return new CmsBundleSigner(key, Optional.empty()).sign(content).files().get(CmsBundleSigner.SIGNATURE_FILE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aForgeryByAnotherKeyWithTheSameNameIsNotTrusted() throws IOException {
        Openssl.assumeAvailable();
        Path trust = Files.write(dir.resolve("archive.pem"), KeyFiles.toPem(KEY.chain()));
        SigningKey impostor = TestCertificates.selfSigned(KeyType.EC, "CN=Archive Signer,O=City Archive");
        byte[] forged = sign(impostor, CONTENT);

        SignatureCheck check = SignatureVerifier.verify(CONTENT, forged, trust);
        assertThat(check.valid()).as("consistent in itself").isTrue();
        assertThat(check.trusted()).isFalse();
        assertThat(check.signerSubject()).isEqualTo(KEY.info().subject());
        assertThat(check.signerFingerprintSha256()).isNotEqualTo(KEY.info().fingerprintSha256());
        assertThat(check.problems()).singleElement().asString().startsWith("signer is not trusted");

        Path p7s = Files.write(dir.resolve("forged.p7s"), forged);
        Path content = Files.write(dir.resolve("content"), CONTENT);
        assertThat(CmsBundleSignerTest.opensslCmsVerify(p7s, content, trust).exitCode()).as("openssl agrees").isNotZero();

        assertThat(SignatureVerifier.verify(CONTENT, SIGNATURE, trust).trusted()).isTrue();
    }

    @Test
    void aChainToATrustedCaInAFolderOfPemAndDerFilesIsTrusted() throws Exception {
        TestCertificates.Issued issued = TestCertificates.issuedByCa(KeyType.EC, "CN=Clerk,O=City Archive");
        byte[] signature = sign(issued.key(), CONTENT);
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.write(trust.resolve("ca.der"), issued.ca().getEncoded());
        Files.writeString(trust.resolve("README.txt"), "not a certificate, ignored");
        Files.write(trust.resolve("other.pem"), KeyFiles.toPem(KEY.chain()));

        SignatureCheck check = SignatureVerifier.verify(CONTENT, signature, trust);
        assertThat(check.problems()).isEmpty();
        assertThat(check.trusted()).isTrue();

        Files.delete(trust.resolve("ca.der"));
        SignatureCheck untrusted = SignatureVerifier.verify(CONTENT, signature, trust);
        assertThat(untrusted.valid()).isTrue();
        assertThat(untrusted.trusted()).isFalse();
        assertThat(untrusted.problems()).singleElement().asString().contains("no chain from 'CN=Clerk,O=City Archive'");
    }

    @Test
    void anchorsLoadedOnceDecideLikeTheTrustPath() throws IOException {
        Path trust = Files.write(dir.resolve("archive.pem"), KeyFiles.toPem(KEY.chain()));
        TrustAnchors anchors = TrustAnchors.load(trust);
        assertThat(SignatureVerifier.verifyAgainst(CONTENT, SIGNATURE, anchors)).isEqualTo(SignatureVerifier.verify(CONTENT, SIGNATURE, trust));
        byte[] forged = sign(TestCertificates.selfSigned(KeyType.EC, "CN=Archive Signer,O=City Archive"), CONTENT);
        assertThat(SignatureVerifier.verifyAgainst(CONTENT, forged, anchors).trusted()).isFalse();
        assertThat(SignatureVerifier.verifyAgainst(CONTENT, SIGNATURE, null).trusted()).isNull();
    }

    @Test
    void withoutTrustAnchorsThereIsNoTrustDecision() {
        SignatureCheck check = SignatureVerifier.verify(CONTENT, SIGNATURE, null);
        assertThat(check.valid()).isTrue();
        assertThat(check.trusted()).isNull();
        assertThat(check.timestamp()).isNull();
        assertThat(check.timestampValid()).isNull();
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void unreadableTrustIsAProblemNotAnException() throws IOException {
        SignatureCheck missing = SignatureVerifier.verify(CONTENT, SIGNATURE, dir.resolve("nope.pem"));
        assertThat(missing.valid()).isTrue();
        assertThat(missing.trusted()).isFalse();
        assertThat(missing.problems()).singleElement().asString().contains("nope.pem");

        Path notCertificates = Files.writeString(dir.resolve("notes.pem"), "hello");
        assertThat(SignatureVerifier.verify(CONTENT, SIGNATURE, notCertificates).problems()).singleElement().asString()
                .contains("holds no certificate");
    }

    @Test
    void garbageAndEmptySignaturesAreInvalid() {
        for (byte[] bad : new byte[][] {new byte[0], "not a signature".getBytes(StandardCharsets.US_ASCII), new byte[] {0x30, 0x03, 1, 2, 3}}) {
            SignatureCheck check = SignatureVerifier.verify(CONTENT, bad, null);
            assertThat(check.valid()).isFalse();
            assertThat(check.problems()).singleElement().asString().contains("not a CMS signature");
        }
    }

    @Property(tries = 40)
    void anyChangedContentByteInvalidatesTheSignature(@ForAll("contentChanges") Tuple.Tuple2<Integer, Byte> change) {
        byte[] changed = CONTENT.clone();
        changed[change.get1()] ^= change.get2();
        assertThat(SignatureVerifier.verify(changed, SIGNATURE, null).valid()).isFalse();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Byte>> contentChanges() {
        return Combinators.combine(Arbitraries.integers().between(0, CONTENT.length - 1),
                Arbitraries.bytes().filter(b -> b != 0)).as(Tuple::of);
    }

    /**
     * Every one of the signature file's bits, flipped alone, makes it invalid, or else lies inside an
     * embedded certificate (which a bundle's {@code signer.pem} must copy byte for byte, so bundle
     * verification catches it): no byte of the file is outside some check.
     */
    @Test
    void everySingleBitFlipIsInvalidOrChangesAnEmbeddedCertificate() throws Exception {
        java.util.List<String> unnoticed = new java.util.ArrayList<>();
        for (int i = 0; i < SIGNATURE.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = SIGNATURE.clone();
                damaged[i] ^= (byte) (1 << bit);
                if (SignatureVerifier.verify(CONTENT, damaged, null).valid() && embeddedCertificatesUnchanged(damaged)) {
                    unnoticed.add("byte " + i + " bit " + bit);
                }
            }
        }
        assertThat(unnoticed).isEmpty();
    }

    private static boolean embeddedCertificatesUnchanged(byte[] cms) throws Exception {
        java.util.List<byte[]> embedded = new java.util.ArrayList<>();
        for (Object holder : new org.bouncycastle.cms.CMSSignedData(cms).getCertificates().getMatches(null)) {
            embedded.add(((org.bouncycastle.cert.X509CertificateHolder) holder).getEncoded());
        }
        java.util.List<byte[]> genuine = new java.util.ArrayList<>();
        for (var certificate : KEY.chain()) {
            genuine.add(certificate.getEncoded());
        }
        return embedded.size() == genuine.size()
                && embedded.stream().allMatch(e -> genuine.stream().anyMatch(g -> java.util.Arrays.equals(e, g)));
    }

    @Property(tries = 200)
    void aDamagedSignatureNeverThrowsAndNeverPassesAsTrusted(@ForAll("signatureFlips") Tuple.Tuple2<Integer, Integer> flip)
            throws IOException {
        byte[] damaged = SIGNATURE.clone();
        damaged[flip.get1()] ^= (byte) (1 << flip.get2());
        Path trust = Files.createTempFile("provkit-trust", ".pem");
        try {
            Files.write(trust, KeyFiles.toPem(KEY.chain()));
            SignatureCheck check = SignatureVerifier.verify(CONTENT, damaged, trust);
            if (check.valid() && Boolean.TRUE.equals(check.trusted())) {
                // Some bytes are outside what a signature protects (e.g. the SignedData version
                // field); then the signer must still be the genuine, unchanged certificate.
                assertThat(check.signerFingerprintSha256()).isEqualTo(KEY.info().fingerprintSha256());
            } else {
                assertThat(check.problems()).isNotEmpty();
            }
        } finally {
            Files.delete(trust);
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Integer>> signatureFlips() {
        return Combinators.combine(Arbitraries.integers().between(0, SIGNATURE.length - 1),
                Arbitraries.integers().between(0, 7)).as(Tuple::of);
    }
}
