package org.provkit.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.Json;
import org.provkit.Main;

/**
 * Issue 4's "what it must show", on real bundles: plain openssl verifies a fresh bundle's
 * signature and rejects it after one changed byte of the tag manifest; an empty HOME still gets a
 * signed bundle and a key; {@code keys generate} then {@code bundle --key} signs with that key;
 * {@code --tsa} stores a token openssl accepts. Skipped while {@code bundle} is a placeholder
 * (in the signing branch alone); runs once the bundle command is merged.
 */
class BundleSignatureInteropTest {

    @TempDir
    Path dir;

    private String savedConfigDir;
    private Path sources;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        savedConfigDir = System.getProperty(KeyLocations.DIR_PROPERTY);
        System.setProperty(KeyLocations.DIR_PROPERTY, dir.resolve("config").toString());
        sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("article.txt"), "Havana, 12 March (RHC) The archive opened today.\n\nSource: Prensa Latina\n");
        Run help = provkit("bundle", "--help");
        assumeTrue(help.out().contains("--no-sign") && help.out().contains("--tsa"),
                "the bundle command (with the signing options) is not merged into this branch yet");
    }

    @AfterEach
    void restore() {
        if (savedConfigDir == null) {
            System.clearProperty(KeyLocations.DIR_PROPERTY);
        } else {
            System.setProperty(KeyLocations.DIR_PROPERTY, savedConfigDir);
        }
    }

    static Run provkit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Bundles {@link #sources} as a directory bag into {@code dir/name} and returns the bag folder. */
    private Path bundle(String name, String... extra) throws Exception {
        Path output = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("bundle", sources.toString(), "-o", output.toString(),
                "--format", "dir", "--no-progress"));
        args.addAll(List.of(extra));
        Run run = provkit(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return onlyChild(output);
    }

    private static Path onlyChild(Path folder) throws Exception {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> all = children.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void opensslVerifiesAFreshBundleAndBothRejectOneChangedByte() throws Exception {
        Openssl.assumeAvailable();
        Path bag = bundle("out");
        Path p7s = bag.resolve("signature/tagmanifest-sha512.txt.p7s");
        Path tagManifest = bag.resolve("tagmanifest-sha512.txt");
        Path chain = bag.resolve("signature/signer.pem");
        assertThat(Files.readString(tagManifest)).contains("bagit.txt").contains("bag-info.txt")
                .contains("manifest-sha256.txt").contains("manifest-sha512.txt");

        Openssl.Result ok = Openssl.cmsVerify(p7s, tagManifest, chain);
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(SignatureVerifier.verify(Files.readAllBytes(tagManifest), Files.readAllBytes(p7s), chain).valid()).isTrue();

        byte[] bytes = Files.readAllBytes(tagManifest);
        bytes[0] = (byte) (bytes[0] == '0' ? '1' : '0');
        Files.write(tagManifest, bytes);
        assertThat(Openssl.cmsVerify(p7s, tagManifest, chain).exitCode()).isNotZero();
        assertThat(SignatureVerifier.verify(bytes, Files.readAllBytes(p7s), chain).valid()).isFalse();

        try (Stream<Path> files = Files.walk(bag)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("PRIVATE KEY");
            }
        }
    }

    @Test
    void keysGenerateThenBundleKeySignsWithThatKey() throws Exception {
        Path keys = dir.resolve("keys");
        assertThat(provkit("keys", "generate", "--out", keys.toString(), "--subject", "CN=Registrar,O=City Archive").exitCode()).isZero();
        Run show = provkit("keys", "show", "--key", keys.resolve("signing-key.pem").toString(), "--json");
        String fingerprint = Json.mapper().readTree(show.out()).get("fingerprintSha256").asText();

        Path bag = bundle("out", "--key", keys.resolve("signing-key.pem").toString());
        List<X509Certificate> chain = KeyFiles.readCertificates(bag.resolve("signature/signer.pem"));
        assertThat(CertificateInfo.fingerprintSha256(chain.get(0))).isEqualTo(fingerprint);
        SignatureCheck check = SignatureVerifier.verify(Files.readAllBytes(bag.resolve("tagmanifest-sha512.txt")),
                Files.readAllBytes(bag.resolve("signature/tagmanifest-sha512.txt.p7s")), keys.resolve("signing-cert.pem"));
        assertThat(check.signerFingerprintSha256()).isEqualTo(fingerprint);
        assertThat(check.trusted()).isTrue();
        assertThat(dir.resolve("config")).as("no default key made").doesNotExist();
    }

    @Test
    void withTsaTheBundleCarriesATokenOpensslAccepts() throws Exception {
        Openssl.assumeAvailable();
        try (LocalTsa tsa = LocalTsa.start()) {
            Path bag = bundle("out", "--tsa", tsa.url().toString());
            Path p7s = bag.resolve("signature/tagmanifest-sha512.txt.p7s");
            assertThat(bag.resolve("signature/tagmanifest-sha512.txt.p7s.tsr")).exists();
            Path ca = Files.writeString(dir.resolve("tsa-ca.pem"), tsa.caCertPem());
            Process recipe = new ProcessBuilder("bash", "-c", TimestampTest.SHELL_RECIPE, "recipe", p7s.toString(), ca.toString())
                    .redirectErrorStream(true).start();
            String output = new String(recipe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(recipe.waitFor()).as(output).isZero();

            SignatureCheck check = SignatureVerifier.verify(Files.readAllBytes(bag.resolve("tagmanifest-sha512.txt")),
                    Files.readAllBytes(p7s), null);
            assertThat(check.timestampValid()).isTrue();
            assertThat(check.timestamp()).isNotNull();
        }
    }

    @Test
    void withHomeAtAnEmptyFolderBundleStillSignsAndCreatesTheKey() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path output = dir.resolve("child-out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.provkit.Main",
                "bundle", sources.toString(), "-o", output.toString(), "--format", "dir", "--no-progress")
                .redirectError(dir.resolve("child.err").toFile()).redirectOutput(dir.resolve("child.out").toFile());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove(KeyPassword.ENV);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("child.err"));
        assertThat(process.exitValue()).as(err).isZero();
        Path key = home.resolve(".config/provkit/signing-key.pem");
        assertThat(key).exists();
        assertThat(err.lines().filter(line -> line.contains("created a signing key"))).singleElement().asString()
                .contains(key.toString()).contains("provkit keys import");
        assertThat(onlyChild(output).resolve("signature/tagmanifest-sha512.txt.p7s")).exists();
    }
}
