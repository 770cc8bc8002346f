package org.provkit.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Detached CMS signatures over a tag manifest, checked by provkit and by the real openssl. */
class CmsBundleSignerTest {

    static final byte[] TAG_MANIFEST = ("3f0c…  bagit.txt\n"
            + "a1b2…  bag-info.txt\n"
            + "c3d4…  manifest-sha256.txt\n"
            + "e5f6…  manifest-sha512.txt\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void signatureVerifiesWithOpensslAndProvkitAndFailsBothAfterOneChangedByte(KeyType type) throws IOException {
        Openssl.assumeAvailable();
        SigningKey key = TestCertificates.selfSigned(type, "CN=Jane Doe,O=City Archive");
        SignatureFiles files = new CmsBundleSigner(key, Optional.empty()).sign(TAG_MANIFEST);
        Path content = Files.write(dir.resolve("tagmanifest-sha512.txt"), TAG_MANIFEST);
        Path p7s = Files.write(dir.resolve("tagmanifest-sha512.txt.p7s"), files.files().get(CmsBundleSigner.SIGNATURE_FILE));
        Path chain = Files.write(dir.resolve("signer.pem"), files.files().get(CmsBundleSigner.CHAIN_FILE));

        assertThat(opensslCmsVerify(p7s, content, chain).exitCode()).as(opensslCmsVerify(p7s, content, chain).output()).isZero();
        SignatureCheck check = SignatureVerifier.verify(TAG_MANIFEST, Files.readAllBytes(p7s), chain);
        assertThat(check.problems()).isEmpty();
        assertThat(check.valid()).isTrue();
        assertThat(check.trusted()).isTrue();
        assertThat(check.timestampValid()).isNull();
        assertThat(check.signerSubject()).isEqualTo("CN=Jane Doe,O=City Archive");
        assertThat(check.signerFingerprintSha256()).isEqualTo(key.info().fingerprintSha256()).isEqualTo(files.signerFingerprintSha256());

        byte[] changed = TAG_MANIFEST.clone();
        changed[changed.length / 2] ^= 0x01;
        Files.write(content, changed);
        assertThat(opensslCmsVerify(p7s, content, chain).exitCode()).isNotZero();
        SignatureCheck tampered = SignatureVerifier.verify(changed, Files.readAllBytes(p7s), chain);
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.problems()).anyMatch(problem -> problem.contains("changed after signing"));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void writesDerSignaturePemChainAndNoPrivateKey(KeyType type) throws Exception {
        SigningKey key = TestCertificates.issuedByCa(type, "CN=Signer,O=City Archive").key();
        SignatureFiles files = new CmsBundleSigner(key, Optional.empty()).sign(TAG_MANIFEST);

        assertThat(files.files()).containsOnlyKeys("tagmanifest-sha512.txt.p7s", "signer.pem");
        assertThat(files.timestamp()).isNull();
        assertThat(files.signerSubject()).isEqualTo("CN=Signer,O=City Archive");
        byte[] p7s = files.files().get("tagmanifest-sha512.txt.p7s");
        assertThat(ASN1Primitive.fromByteArray(p7s).getEncoded(ASN1Encoding.DER)).as("DER, not BER").isEqualTo(p7s);
        CMSSignedData parsed = new CMSSignedData(p7s);
        assertThat(parsed.getSignedContent()).as("detached").isNull();
        assertThat(parsed.getCertificates().getMatches(null)).hasSize(2);
        assertThat(parsed.getSignerInfos().getSigners().iterator().next().getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(KeyFiles.parseCertificates(files.files().get("signer.pem"))).containsExactlyElementsOf(key.chain());
        for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
            assertThat(new String(file.getValue(), StandardCharsets.ISO_8859_1)).as(file.getKey()).doesNotContain("PRIVATE KEY");
            assertThat(indexOf(file.getValue(), key.privateKey().getEncoded())).as(file.getKey()).isNegative();
        }
    }

    @org.junit.jupiter.api.Test
    void aCertificateWithAnotherExtendedKeyUsageSignsButOpensslNeedsPurposeAnyAndTheUserIsTold() throws IOException {
        Openssl.assumeAvailable();
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Code Signer", TestCertificates.Role.CODE_SIGNER);
        assertThat(SigningKeys.opensslPurposeWarning(key.chain())).hasValueSatisfying(
                warning -> assertThat(warning).contains("CN=Code Signer").contains("-purpose any"));
        assertThat(SigningKeys.opensslPurposeWarning(TestCertificates.selfSigned(KeyType.EC, "CN=Plain").chain())).isEmpty();

        SignatureFiles files = new CmsBundleSigner(key, Optional.empty()).sign(TAG_MANIFEST);
        Path content = Files.write(dir.resolve("content"), TAG_MANIFEST);
        Path p7s = Files.write(dir.resolve("sig.p7s"), files.files().get(CmsBundleSigner.SIGNATURE_FILE));
        Path chain = Files.write(dir.resolve("signer.pem"), files.files().get(CmsBundleSigner.CHAIN_FILE));
        assertThat(opensslCmsVerify(p7s, content, chain).exitCode()).as("the warning is true").isNotZero();
        assertThat(Openssl.run("cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(), "-content", content.toString(),
                "-CAfile", chain.toString(), "-purpose", "any", "-out", "/dev/null").exitCode()).isZero();
        assertThat(SignatureVerifier.verify(TAG_MANIFEST, Files.readAllBytes(p7s), chain).trusted()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aCertificateThatForbidsSignaturesIsRefused() {
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Key Agreement", TestCertificates.Role.KEY_AGREEMENT_ONLY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKeys.bind(key.privateKey(), key.chain(), dir.resolve("k.pem")))
                .isInstanceOfSatisfying(org.provkit.ProvkitException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(org.provkit.ExitCode.USAGE))
                .hasMessageContaining("does not allow digital signatures");
    }

    static Openssl.Result opensslCmsVerify(Path p7s, Path content, Path caFile) {
        return Openssl.cmsVerify(p7s, content, caFile);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
