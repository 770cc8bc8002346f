package org.provkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.Main;
import org.provkit.ProvkitException;
import org.provkit.sign.BundleSigner;
import org.provkit.sign.KeyLocations;
import org.provkit.sign.KeyPassword;
import org.provkit.sign.SignatureCheck;
import org.provkit.sign.SignatureFiles;
import org.provkit.sign.SignatureVerifier;

/** How {@code bundle}'s signing options find or create the key. */
class SigningOptionsTest {

    static final byte[] TAG_MANIFEST = "abc  bagit.txt\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private SigningOptions options() {
        SigningOptions options = new SigningOptions();
        options.locations = new KeyLocations(dir.resolve("config/provkit"));
        options.environment = Map.of();
        return options;
    }

    private static String run(SigningOptions options, ByteArrayOutputStream err) throws Exception {
        BundleSigner signer = options.signer(new PrintStream(err, true, StandardCharsets.UTF_8)).orElseThrow();
        SignatureFiles files = signer.sign(TAG_MANIFEST);
        SignatureCheck check = SignatureVerifier.verify(TAG_MANIFEST, files.files().get("tagmanifest-sha512.txt.p7s"), null);
        assertThat(check.valid()).isTrue();
        assertThat(check.signerFingerprintSha256()).isEqualTo(files.signerFingerprintSha256());
        return files.signerFingerprintSha256();
    }

    @Test
    void theFirstSignatureCreatesTheDefaultKeyOnceAndSaysSoInOneLine() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        String fingerprint = run(options(), first);
        Path key = dir.resolve("config/provkit/signing-key.pem");
        String notice = first.toString(StandardCharsets.UTF_8);
        assertThat(notice).hasLineCount(1).startsWith("provkit: created a signing key " + key)
                .contains("provkit keys import").contains("--key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        assertThat(run(options(), second)).isEqualTo(fingerprint);
        assertThat(second.size()).as("no notice the second time").isZero();
    }

    @Test
    void withHomeOrXdgConfigHomeAtAnEmptyFolderTheDefaultKeyIsCreatedThereOnce() throws Exception {
        String configDir = System.clearProperty(KeyLocations.DIR_PROPERTY);
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            for (Map<String, String> env : java.util.List.of(Map.of("HOME", home.toString()),
                    Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", dir.resolve("xdg").toString()))) {
                SigningOptions first = new SigningOptions();
                first.environment = env;
                ByteArrayOutputStream notice = new ByteArrayOutputStream();
                String fingerprint = run(first, notice);
                Path expected = env.containsKey("XDG_CONFIG_HOME") ? dir.resolve("xdg/provkit/signing-key.pem")
                        : home.resolve(".config/provkit/signing-key.pem");
                assertThat(notice.toString(StandardCharsets.UTF_8)).hasLineCount(1).contains(expected.toString());
                assertThat(expected).exists();

                SigningOptions second = new SigningOptions();
                second.environment = env;
                ByteArrayOutputStream silent = new ByteArrayOutputStream();
                assertThat(run(second, silent)).isEqualTo(fingerprint);
                assertThat(silent.size()).isZero();
            }
        } finally {
            if (configDir != null) {
                System.setProperty(KeyLocations.DIR_PROPERTY, configDir);
            }
        }
    }

    @Test
    void aGeneratedKeySignsWithTheFingerprintKeysShowReports() throws Exception {
        Path out = dir.resolve("mine");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(quiet, quiet, "keys", "generate", "--out", out.toString(), "--subject", "CN=Registrar")).isZero();
        assertThat(Main.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), quiet, "keys", "show", "--key",
                out.resolve("signing-key.pem").toString(), "--json")).isZero();
        String shown = Json.mapper().readTree(stdout.toByteArray()).get("fingerprintSha256").asText();

        SigningOptions options = options();
        options.key = out.resolve("signing-key.pem");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(options, err)).isEqualTo(shown);
        assertThat(err.size()).isZero();
        assertThat(dir.resolve("config")).doesNotExist();
    }

    @Test
    void theDefaultKeyIsEncryptedWithAPasswordFromTheEnvironmentAndAWrongOneIsOneLine() throws Exception {
        SigningOptions withPassword = options();
        withPassword.environment = Map.of(KeyPassword.ENV, "from env");
        String fingerprint = run(withPassword, new ByteArrayOutputStream());
        assertThat(Files.readString(dir.resolve("config/provkit/signing-key.pem"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        SigningOptions fromFile = options();
        fromFile.passwordFile = Files.writeString(dir.resolve("pw"), "from env\n");
        assertThat(run(fromFile, new ByteArrayOutputStream())).isEqualTo(fingerprint);

        SigningOptions wrong = options();
        wrong.passwordFile = Files.writeString(dir.resolve("wrong"), "not it\n");
        assertThatThrownBy(() -> wrong.signer(System.err)).isInstanceOfSatisfying(ProvkitException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).isEqualTo("wrong password for key " + dir.resolve("config/provkit/signing-key.pem"));
        });
        assertThatThrownBy(() -> options().signer(System.err)).isInstanceOfSatisfying(ProvkitException.class,
                e -> assertThat(e.getMessage()).contains("protected by a password").doesNotContain("\n"));
    }

    @Test
    void twoFirstSignersAtOnceCreateOneKey() throws Exception {
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream shared = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    BundleSigner signer = options().signer(shared).orElseThrow();
                    return signer.sign(TAG_MANIFEST).signerFingerprintSha256();
                }));
            }
            start.countDown();
            java.util.Set<String> fingerprints = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> result : results) {
                fingerprints.add(result.get());
            }
            assertThat(fingerprints).hasSize(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noSignMeansNoSignerAndExcludesKeyOptions() {
        SigningOptions unsigned = options();
        unsigned.noSign = true;
        assertThat(unsigned.signer(System.err)).isEmpty();
        assertThat(dir.resolve("config")).doesNotExist();

        unsigned.key = dir.resolve("k.pem");
        assertThatThrownBy(() -> unsigned.signer(System.err))
                .isInstanceOfSatisfying(ProvkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));

        SigningOptions certOnly = options();
        certOnly.cert = dir.resolve("c.pem");
        assertThatThrownBy(() -> certOnly.signer(System.err)).hasMessageContaining("--cert needs --key");

        SigningOptions missing = options();
        missing.key = dir.resolve("missing.pem");
        assertThatThrownBy(() -> missing.signer(System.err))
                .isInstanceOfSatisfying(ProvkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNREADABLE))
                .hasMessageContaining("missing.pem");
    }

    @Test
    void aKeyWithSomeoneElsesCertificateIsRefused() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(quiet, quiet, "keys", "generate", "--out", dir.resolve("a").toString())).isZero();
        assertThat(Main.run(quiet, quiet, "keys", "generate", "--out", dir.resolve("b").toString())).isZero();
        SigningOptions mixed = options();
        mixed.key = dir.resolve("a/signing-key.pem");
        mixed.cert = dir.resolve("b/signing-cert.pem");
        assertThatThrownBy(() -> mixed.signer(System.err))
                .isInstanceOfSatisfying(ProvkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("does not belong to certificate");
    }
}
