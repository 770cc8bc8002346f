package org.provkit.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Key files written by provkit and by openssl, read back. */
class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void keysOpensslWritesInEveryCommonFormLoad() throws Exception {
        Openssl.assumeAvailable();
        Path password = Files.writeString(dir.resolve("pw"), "pässwörd ✓\n", StandardCharsets.UTF_8);
        Path traditional = dir.resolve("ec-traditional.pem");
        Path cert = dir.resolve("ec-traditional-cert.pem");
        run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", traditional.toString());
        run("req", "-new", "-x509", "-key", traditional.toString(), "-subj", "/O=Archive/CN=Openssl Made", "-days", "10",
                "-addext", "keyUsage=critical,digitalSignature", "-out", cert.toString());
        Path pkcs8 = dir.resolve("pkcs8-aes.pem");
        run("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256", "-in", traditional.toString(),
                "-passout", "file:" + password, "-out", pkcs8.toString());
        Path legacy = dir.resolve("legacy-encrypted.pem");
        run("ec", "-aes256", "-in", traditional.toString(), "-passout", "file:" + password, "-out", legacy.toString());
        assertThat(Files.readString(legacy)).contains("Proc-Type: 4,ENCRYPTED");

        Optional<char[]> secret = Optional.of("pässwörd ✓".toCharArray());
        for (Path key : new Path[] {traditional, pkcs8, legacy}) {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            SigningKey loaded = SigningKeys.load(key, cert, key == traditional ? Optional.empty() : secret);
            assertThat(loaded.info().subject()).as(key.toString()).isEqualTo("CN=Openssl Made,O=Archive");
            if (key != traditional) {
                assertThatThrownBy(() -> SigningKeys.load(key, cert, Optional.of("wrong".toCharArray())))
                        .isInstanceOfSatisfying(ProvkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                        .hasMessage("wrong password for key " + key);
            }
        }

        // and the other way round: openssl reads what provkit writes under a non-ASCII password
        Path written = dir.resolve("provkit.pem");
        KeyFiles.writePrivateKey(written, KeyType.EC.generate().getPrivate(), secret);
        Openssl.Result read = Openssl.run("pkey", "-in", written.toString(), "-passin", "file:" + password, "-noout");
        assertThat(read.exitCode()).as(read.output()).isZero();
    }

    @Test
    void aKeyAndItsCertificateInOnePemFileNeedNoCert() throws Exception {
        SigningKey key = TestCertificates.selfSigned(KeyType.EC, "CN=Combined");
        Path combined = dir.resolve("combined.pem");
        KeyFiles.writePrivateKey(combined, key.privateKey(), Optional.empty());
        Files.write(combined, KeyFiles.toPem(key.chain()), java.nio.file.StandardOpenOption.APPEND);
        assertThat(SigningKeys.load(combined, null, Optional.empty()).info()).isEqualTo(key.info());

        Path lonely = dir.resolve("lonely.pem");
        KeyFiles.writePrivateKey(lonely, key.privateKey(), Optional.empty());
        assertThatThrownBy(() -> SigningKeys.load(lonely, null, Optional.empty())).hasMessageContaining("--cert");
    }

    @Test
    void writingNeverReplacesAFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("signing-key.pem"), "precious");
        assertThatThrownBy(() -> KeyFiles.writePrivateKey(existing, KeyType.EC.generate().getPrivate(), Optional.empty()))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("precious");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left").containsExactly(existing);
        }
    }

    static final KeyPair KEYS = KeyType.EC.generate();

    @Property(tries = 6)
    void anyPasswordRoundTripsAndNoOtherOpens(@ForAll @StringLength(min = 1, max = 40) String password) throws Exception {
        Path dir = Files.createTempDirectory("provkit-keyfiles");
        try {
            Path file = dir.resolve("key.pem");
            KeyFiles.writePrivateKey(file, KEYS.getPrivate(), Optional.of(password.toCharArray()));
            java.security.interfaces.ECPrivateKey read = (java.security.interfaces.ECPrivateKey)
                    KeyFiles.readPrivateKey(file, Optional.of(password.toCharArray())).key();
            assertThat(read.getS()).isEqualTo(((java.security.interfaces.ECPrivateKey) KEYS.getPrivate()).getS());
            assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, Optional.of((password + "x").toCharArray())))
                    .isInstanceOf(ProvkitException.class).hasMessageStartingWith("wrong password");
        } finally {
            try (var listing = Files.list(dir)) {
                for (Path path : listing.toList()) {
                    Files.delete(path);
                }
            }
            Files.delete(dir);
        }
    }

    private static void run(String... args) {
        Openssl.Result result = Openssl.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.output()).isZero();
    }
}
