package org.provkit.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/** RFC 3161 tokens from a local TSA: embedded, stored, checked by provkit and by openssl ts. */
class TimestampTest {

    static final byte[] CONTENT = "d41d8cd9…  bagit.txt\n".getBytes(StandardCharsets.UTF_8);

    static LocalTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTsa() {
        tsa = LocalTsa.start();
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    private static CmsBundleSigner stamping(SigningKey key) {
        return new CmsBundleSigner(key, Optional.of(new HttpTimestampAuthority(tsa.url())));
    }

    @Test
    void tokenIsEmbeddedStoredAndVerifiesWithOpensslTsAndCms() throws Exception {
        Openssl.assumeAvailable();
        tsa.setTime(Instant.now());
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Stamped Signer");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignatureFiles files = stamping(key).sign(CONTENT);

        assertThat(files.files()).containsOnlyKeys("signer.pem", "tagmanifest-sha512.txt.p7s", "tagmanifest-sha512.txt.p7s.tsr");
        assertThat(files.timestamp()).isBetween(before, Instant.now().plusSeconds(1));

        byte[] p7s = files.files().get(CmsBundleSigner.SIGNATURE_FILE);
        SignerInformation signer = new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
        String imprint = HexFormat.of().formatHex(CertificateInfo.sha256(signer.getSignature()));

        Path tsr = Files.write(dir.resolve("tagmanifest-sha512.txt.p7s.tsr"), files.files().get(CmsBundleSigner.TIMESTAMP_FILE));
        Path ca = Files.writeString(dir.resolve("tsa-ca.pem"), tsa.caCertPem());
        Openssl.Result ts = Openssl.run("ts", "-verify", "-in", tsr.toString(), "-digest", imprint, "-CAfile", ca.toString());
        assertThat(ts.exitCode()).as(ts.output()).isZero();
        assertThat(ts.output()).contains("Verification: OK");
        String wrongImprint = HexFormat.of().formatHex(CertificateInfo.sha256(CONTENT));
        assertThat(Openssl.run("ts", "-verify", "-in", tsr.toString(), "-digest", wrongImprint, "-CAfile", ca.toString())
                .exitCode()).isNotZero();

        // the bare token embedded in the .p7s verifies as well (openssl needs -token_in for a token)
        byte[] embedded = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
                .getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
        Path token = Files.write(dir.resolve("embedded-token.der"), embedded);
        Openssl.Result bare = Openssl.run("ts", "-verify", "-token_in", "-in", token.toString(), "-digest", imprint,
                "-CAfile", ca.toString());
        assertThat(bare.exitCode()).as(bare.output()).isZero();

        // the token inside the .p7s is the same one, and the unsigned attribute does not disturb openssl cms
        TimeStampResponse stored = new TimeStampResponse(files.files().get(CmsBundleSigner.TIMESTAMP_FILE));
        assertThat(stored.getTimeStampToken().getTimeStampInfo().getGenTime().toInstant()).isEqualTo(files.timestamp());
        Path content = Files.write(dir.resolve("content"), CONTENT);
        Path p7sFile = Files.write(dir.resolve("sig.p7s"), p7s);
        Path chain = Files.write(dir.resolve("signer.pem"), files.files().get(CmsBundleSigner.CHAIN_FILE));
        assertThat(CmsBundleSignerTest.opensslCmsVerify(p7sFile, content, chain).exitCode()).isZero();

        SignatureCheck check = SignatureVerifier.verify(CONTENT, p7s, null);
        assertThat(check.problems()).isEmpty();
        assertThat(check.valid()).isTrue();
        assertThat(check.timestampValid()).isTrue();
        assertThat(check.timestamp()).isEqualTo(files.timestamp());
        assertThat(check.trusted()).isNull();
    }

    /** The recipe in docs/signing.md: check the stored token with openssl and coreutils only. */
    static final String SHELL_RECIPE = "set -euo pipefail\n"
            + "sig=$(openssl asn1parse -inform DER -in \"$1\" | awk '/d=5 .*OCTET STRING/ {sub(/.*\\[HEX DUMP\\]:/, \"\"); print}')\n"
            + "digest=$(printf %s \"$sig\" | basenc --base16 -d | openssl dgst -sha256 -r | cut -d' ' -f1)\n"
            + "openssl ts -verify -in \"$1.tsr\" -digest \"$digest\" -CAfile \"$2\"\n";

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theDocumentedShellRecipeChecksTheStoredToken(KeyType type) throws Exception {
        Openssl.assumeAvailable();
        tsa.setTime(Instant.now());
        SignatureFiles files = stamping(TestCertificates.selfSigned(type, "CN=Recipe")).sign(CONTENT);
        Path p7s = Files.write(dir.resolve(CmsBundleSigner.SIGNATURE_FILE), files.files().get(CmsBundleSigner.SIGNATURE_FILE));
        Files.write(dir.resolve(CmsBundleSigner.TIMESTAMP_FILE), files.files().get(CmsBundleSigner.TIMESTAMP_FILE));
        Path ca = Files.writeString(dir.resolve("tsa-ca.pem"), tsa.caCertPem());
        Process process = new ProcessBuilder("bash", "-c", SHELL_RECIPE, "recipe", p7s.toString(), ca.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("Verification: OK");
    }

    @Test
    void withTrustTheAuthorityMustBeTrustedToo() throws Exception {
        tsa.setTime(Instant.now());
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Stamped Signer");
        byte[] p7s = stamping(key).sign(CONTENT).files().get(CmsBundleSigner.SIGNATURE_FILE);
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.write(trust.resolve("signer.pem"), KeyFiles.toPem(key.chain()));

        SignatureCheck signerOnly = SignatureVerifier.verify(CONTENT, p7s, trust);
        assertThat(signerOnly.valid()).isTrue();
        assertThat(signerOnly.trusted()).isTrue();
        assertThat(signerOnly.timestampValid()).isFalse();
        assertThat(signerOnly.problems()).singleElement().asString().contains("time-stamping authority is not trusted");

        Files.writeString(trust.resolve("tsa-root.crt"), tsa.caCertPem());
        SignatureCheck both = SignatureVerifier.verify(CONTENT, p7s, trust);
        assertThat(both.problems()).isEmpty();
        assertThat(both.trusted()).isTrue();
        assertThat(both.timestampValid()).isTrue();
    }

    @Test
    void certificateValidityIsJudgedAtTheTimestampsTime() throws IOException {
        Instant now = Instant.now();
        Instant signedAt = now.minus(Duration.ofDays(5));
        SigningKey expired = TestCertificates.selfSigned(KeyType.EC, "CN=Expired Since Yesterday",
                now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        Clock then = Clock.fixed(signedAt, ZoneOffset.UTC);
        Path trust = Files.write(dir.resolve("expired.pem"), KeyFiles.toPem(expired.chain()));
        Files.writeString(dir.resolve("tsa.pem"), tsa.caCertPem());

        tsa.setTime(signedAt);
        byte[] stampedThen = new CmsBundleSigner(expired, Optional.of(new HttpTimestampAuthority(tsa.url())), then)
                .sign(CONTENT).files().get(CmsBundleSigner.SIGNATURE_FILE);
        SignatureCheck atTimestamp = SignatureVerifier.verify(CONTENT, stampedThen, null);
        assertThat(atTimestamp.problems()).isEmpty();
        assertThat(atTimestamp.valid()).isTrue();
        assertThat(atTimestamp.timestamp()).isEqualTo(signedAt.truncatedTo(ChronoUnit.SECONDS));

        Path trustDir = Files.createDirectories(dir.resolve("anchors"));
        Files.copy(trust, trustDir.resolve("expired.pem"));
        Files.copy(dir.resolve("tsa.pem"), trustDir.resolve("tsa.pem"));
        SignatureCheck trustedAtTimestamp = SignatureVerifier.verify(CONTENT, stampedThen, trustDir);
        assertThat(trustedAtTimestamp.problems()).isEmpty();
        assertThat(trustedAtTimestamp.trusted()).isTrue();

        byte[] unstamped = new CmsBundleSigner(expired, Optional.empty(), then).sign(CONTENT).files()
                .get(CmsBundleSigner.SIGNATURE_FILE);
        SignatureCheck atNow = SignatureVerifier.verify(CONTENT, unstamped, trust);
        assertThat(atNow.valid()).isFalse();
        assertThat(atNow.trusted()).isFalse();
        assertThat(atNow.problems()).singleElement().asString().contains("expired").contains("no valid timestamp");

        tsa.setTime(now);
        byte[] stampedAfterExpiry = new CmsBundleSigner(expired, Optional.of(new HttpTimestampAuthority(tsa.url())), then)
                .sign(CONTENT).files().get(CmsBundleSigner.SIGNATURE_FILE);
        SignatureCheck late = SignatureVerifier.verify(CONTENT, stampedAfterExpiry, null);
        assertThat(late.valid()).isFalse();
        assertThat(late.timestampValid()).isTrue();
        assertThat(late.problems()).singleElement().asString().contains("expired").contains("time of its timestamp");
    }

    @Test
    void aTokenMovedFromAnotherSignatureIsInvalid() throws Exception {
        tsa.setTime(Instant.now());
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Signer");
        CMSSignedData stamped = new CMSSignedData(stamping(key).sign(CONTENT).files().get(CmsBundleSigner.SIGNATURE_FILE));
        CMSSignedData other = new CMSSignedData(new CmsBundleSigner(key, Optional.empty()).sign(CONTENT).files()
                .get(CmsBundleSigner.SIGNATURE_FILE));
        AttributeTable token = stamped.getSignerInfos().getSigners().iterator().next().getUnsignedAttributes();
        SignerInformation target = other.getSignerInfos().getSigners().iterator().next();
        byte[] transplanted = CMSSignedData.replaceSigners(other,
                new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(target, token))).getEncoded();

        SignatureCheck check = SignatureVerifier.verify(CONTENT, transplanted, null);
        assertThat(check.valid()).as("the signature itself is intact").isTrue();
        assertThat(check.timestampValid()).isFalse();
        assertThat(check.problems()).singleElement().asString().contains("stamps other bytes");
    }

    @Test
    void anAuthorityThatFailsIsOneClearError() {
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Signer");
        tsa.failWith(500);
        try {
            assertThatThrownBy(() -> stamping(key).sign(CONTENT))
                    .isInstanceOfSatisfying(ProvkitException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.UNREADABLE);
                        assertThat(e.getMessage()).contains(tsa.url().toString()).contains("HTTP 500").doesNotContain("\n");
                    });
        } finally {
            tsa.failWith(0);
        }
    }

    @Test
    void nothingListeningIsOneClearError() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Signer");
        CmsBundleSigner signer = new CmsBundleSigner(key,
                Optional.of(new HttpTimestampAuthority(java.net.URI.create("http://127.0.0.1:" + port + "/tsa"), Duration.ofSeconds(5))));
        assertThatThrownBy(() -> signer.sign(CONTENT)).isInstanceOf(ProvkitException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void onlyHttpUrlsAreTimestampAuthorities() {
        assertThatThrownBy(() -> new HttpTimestampAuthority(java.net.URI.create("file:///etc/passwd")))
                .isInstanceOfSatisfying(ProvkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void localTsaServesOnLoopbackOnly() throws Exception {
        assertThat(tsa.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(List.of(tsa.tsaCertificate().getExtendedKeyUsage().toArray())).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.tsaCertificate().getCriticalExtensionOIDs()).contains("2.5.29.37");
    }
}
