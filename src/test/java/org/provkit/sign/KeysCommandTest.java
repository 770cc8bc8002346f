package org.provkit.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.Main;
import org.provkit.ProvkitException;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code provkit keys generate|import|show}, run in-process through {@link Main#run}. */
class KeysCommandTest {

    @TempDir
    Path dir;

    private String savedConfigDir;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void isolateConfigFolder() {
        savedConfigDir = System.getProperty(KeyLocations.DIR_PROPERTY);
        System.setProperty(KeyLocations.DIR_PROPERTY, dir.resolve("config").toString());
    }

    @AfterEach
    void restoreConfigFolder() {
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

    @Test
    void generateWritesAnOwnerOnlyKeyAndASelfSignedSigningCertificate() throws Exception {
        Path out = dir.resolve("keys");
        Run run = provkit("keys", "generate", "--out", out.toString(), "--subject", "CN=Jane Doe,O=City Archive", "--days", "30");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path key = out.resolve("signing-key.pem");
        Path cert = out.resolve("signing-cert.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(run.out()).contains(key.toString()).contains("EC P-256").doesNotContain("PRIVATE KEY");

        X509Certificate certificate = KeyFiles.readCertificates(cert).get(0);
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Jane Doe,O=City Archive");
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.15");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getExtendedKeyUsage()).as("no EKU").isNull();
        assertThat(certificate.getNotAfter().getTime() - certificate.getNotBefore().getTime())
                .isEqualTo(TimeUnit.DAYS.toMillis(30));

        Run show = provkit("keys", "show", "--key", key.toString(), "--json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        JsonNode shown = Json.mapper().readTree(show.out());
        assertThat(shown.get("fingerprintSha256").asText()).isEqualTo(CertificateInfo.fingerprintSha256(certificate));
        assertThat(shown.get("subject").asText()).isEqualTo("CN=Jane Doe,O=City Archive");
        assertThat(shown.get("key").get("mode").asText()).isEqualTo("0600");
        assertThat(shown.get("key").get("encrypted").asBoolean()).isFalse();
        assertThat(shown.get("notAfter").asText()).isEqualTo(certificate.getNotAfter().toInstant().toString());

        SigningKey loaded = SigningKeys.load(key, null, Optional.empty());
        assertThat(loaded.info().fingerprintSha256()).isEqualTo(shown.get("fingerprintSha256").asText());

        byte[] before = Files.readAllBytes(key);
        Run again = provkit("keys", "generate", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("already exists").hasLineCount(1);
        assertThat(Files.readAllBytes(key)).isEqualTo(before);
    }

    @Test
    void anEncryptedRsaKeyOpensWithItsPasswordOnlyAndOpensslReadsIt() throws Exception {
        Path password = Files.writeString(dir.resolve("password.txt"), "correct horse\n");
        Path out = dir.resolve("rsa");
        Run run = provkit("keys", "generate", "--out", out.toString(), "--type", "rsa", "--password-file", password.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path key = out.resolve("signing-key.pem");
        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("correct horse");
        assertThat(SigningKeys.load(key, null, Optional.of("correct horse".toCharArray())).info().key()).isEqualTo("RSA 3072");

        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "battery staple\n");
        Run show = provkit("keys", "show", "--key", key.toString());
        assertThat(show.exitCode()).as("show needs no password").isZero();
        assertThat(show.out()).contains("RSA 3072").contains("encrypted");

        ProvkitException wrongPassword = loadFails(key, Optional.of("battery staple".toCharArray()));
        assertThat(wrongPassword.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(wrongPassword.getMessage()).isEqualTo("wrong password for key " + key);
        ProvkitException noPassword = loadFails(key, Optional.empty());
        assertThat(noPassword.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noPassword.getMessage()).contains("--password-file").contains(KeyPassword.ENV).doesNotContain("\n");
        assertThat(KeyPassword.resolve(wrong, java.util.Map.of())).isPresent();

        Openssl.assumeAvailable();
        Openssl.Result pkey = Openssl.run("pkey", "-in", key.toString(), "-passin", "file:" + password, "-noout");
        assertThat(pkey.exitCode()).as(pkey.output()).isZero();
        assertThat(Openssl.run("pkey", "-in", key.toString(), "-passin", "file:" + wrong, "-noout").exitCode()).isNotZero();
    }

    @Test
    void aKeyOtherUsersCanReadIsRefusedWithTheFix() throws Exception {
        Path out = dir.resolve("shared");
        assertThat(provkit("keys", "generate", "--out", out.toString()).exitCode()).isZero();
        Path key = out.resolve("signing-key.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        ProvkitException refused = loadFails(key, Optional.empty());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(refused.getMessage()).isEqualTo("refusing key " + key + ": other users can access it (mode 0644); run: chmod 600 " + key);

        Run show = provkit("keys", "show", "--key", key.toString());
        assertThat(show.out()).contains("mode 0644").contains("chmod 600");

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(SigningKeys.load(key, null, Optional.empty())).isNotNull();
    }

    @Test
    void importTakesAnInstitutionsPkcs12KeyAndChain() throws Exception {
        TestCertificates.Issued issued = TestCertificates.issuedByCa(KeyType.EC, "CN=Registrar,O=National Archive");
        Path p12 = dir.resolve("institution.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("registrar", issued.key().privateKey(), "s3cret".toCharArray(),
                issued.key().chain().toArray(new Certificate[0]));
        try (OutputStream stream = Files.newOutputStream(p12)) {
            store.store(stream, "s3cret".toCharArray());
        }
        Path password = Files.writeString(dir.resolve("pw"), "s3cret");
        Path wrong = Files.writeString(dir.resolve("wrong"), "guess");

        Run refused = provkit("keys", "import", p12.toString(), "--password-file", wrong.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).isEqualTo("provkit: wrong password for key " + p12 + System.lineSeparator());

        Run run = provkit("keys", "import", p12.toString(), "--password-file", password.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        KeyLocations config = KeyLocations.fromEnvironment();
        assertThat(config.dir()).isEqualTo(dir.resolve("config"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.keyFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(config.keyFile())).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(KeyFiles.readCertificates(config.certFile())).containsExactlyElementsOf(issued.key().chain());

        Run show = provkit("keys", "show");
        assertThat(show.out()).contains("subject      CN=Registrar,O=National Archive")
                .contains("issuer       CN=provkit test archive CA,O=provkit tests")
                .contains("chain 1      CN=provkit test archive CA");

        SigningKey imported = SigningKeys.load(config.keyFile(), null, Optional.of("s3cret".toCharArray()));
        Path trust = Files.write(dir.resolve("ca.pem"), KeyFiles.toPem(List.of(issued.ca())));
        byte[] content = "content".getBytes(StandardCharsets.US_ASCII);
        SignatureFiles files = new CmsBundleSigner(imported, Optional.empty()).sign(content);
        SignatureCheck check = SignatureVerifier.verify(content, files.files().get(CmsBundleSigner.SIGNATURE_FILE), trust);
        assertThat(check.problems()).isEmpty();
        assertThat(check.trusted()).isTrue();

        // the .p12 itself also works as --key (once only its owner can read it)
        Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-------"));
        assertThat(SigningKeys.load(p12, null, Optional.of("s3cret".toCharArray())).info())
                .isEqualTo(issued.key().info());

        Run twice = provkit("keys", "import", p12.toString(), "--password-file", password.toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(twice.err()).contains("already exists").contains("--replace");
    }

    @Test
    void importReplaceSetsTheFirstRunKeyAsideAndImports() throws Exception {
        assertThat(provkit("keys", "generate").exitCode()).isZero();
        KeyLocations config = KeyLocations.fromEnvironment();
        String firstKey = Files.readString(config.keyFile());
        TestCertificates.Issued issued = TestCertificates.issuedByCa(KeyType.EC, "CN=Registrar,O=National Archive");
        Path p12 = dir.resolve("institution.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("registrar", issued.key().privateKey(), "s3cret".toCharArray(),
                issued.key().chain().toArray(new Certificate[0]));
        try (OutputStream stream = Files.newOutputStream(p12)) {
            store.store(stream, "s3cret".toCharArray());
        }
        Path password = Files.writeString(dir.resolve("pw"), "s3cret");
        Path wrong = Files.writeString(dir.resolve("wrong"), "guess");

        Run badPassword = provkit("keys", "import", "--replace", p12.toString(), "--password-file", wrong.toString());
        assertThat(badPassword.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.readString(config.keyFile())).as("a failed import leaves the old key in place").isEqualTo(firstKey);

        Run run = provkit("keys", "import", "--replace", p12.toString(), "--password-file", password.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(KeyFiles.readCertificates(config.certFile())).containsExactlyElementsOf(issued.key().chain());
        assertThat(run.err()).contains("previous key is kept as").contains("previous certificate is kept as");
        try (var kept = Files.list(config.dir())) {
            List<Path> aside = kept.filter(p -> p.getFileName().toString().contains(".replaced-")).toList();
            assertThat(aside).hasSize(2);
            assertThat(aside).anySatisfy(p -> assertThat(Files.readString(p)).isEqualTo(firstKey));
        }
    }

    @Test
    void showWithoutAnyKeySaysHowToGetOne() {
        Run run = provkit("keys", "show");
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(run.err()).contains("no signing key in " + dir.resolve("config")).contains("provkit keys generate").hasLineCount(1);
        assertThat(provkit("keys").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(provkit("keys", "generate", "--subject", "not a name").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(provkit("keys", "generate", "--type", "ed25519").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void withHomePointingAtAnEmptyFolderTheKeyGoesUnderIt() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.provkit.Main", "keys", "generate").redirectErrorStream(true);
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove(KeyPassword.ENV);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Path key = home.resolve(".config/provkit/signing-key.pem");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(output).contains(key.toString());
    }

    private static ProvkitException loadFails(Path key, Optional<char[]> password) {
        try {
            SigningKeys.load(key, null, password);
        } catch (ProvkitException e) {
            return e;
        }
        throw new AssertionError("loading " + key + " should have failed");
    }
}
