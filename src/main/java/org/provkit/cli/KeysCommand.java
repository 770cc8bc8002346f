package org.provkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.ProvkitException;
import org.provkit.sign.CertificateInfo;
import org.provkit.sign.KeyFiles;
import org.provkit.sign.KeyLocations;
import org.provkit.sign.KeyPassword;
import org.provkit.sign.KeyType;
import org.provkit.sign.SigningKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code provkit keys generate|import|show}: the signing key and certificate bundles are signed with. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Generate, import and show the key and certificate that sign bundles.",
            "The default key lives in $XDG_CONFIG_HOME/provkit/ or ~/.config/provkit/ (signing-key.pem, signing-cert.pem)."},
        subcommands = {KeysCommand.Generate.class, KeysCommand.Import.class, KeysCommand.Show.class})
public final class KeysCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @ParentCommand
    ProvkitCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a keys command is required (generate, import, show)");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Create a private key (mode 0600) and a self-signed certificate.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @ParentCommand
        KeysCommand keys;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder to write signing-key.pem and signing-cert.pem into (default: the provkit config folder).")
        Path out;
        @Option(names = "--subject", paramLabel = "DN", description = "Certificate subject, e.g. \"CN=Jane Doe,O=City Archive\".")
        String subject;
        @Option(names = "--type", paramLabel = "ec|rsa", defaultValue = "ec", description = "ec (ECDSA P-256, default) or rsa (RSA-3072).")
        KeyType type;
        @Option(names = "--days", paramLabel = "N", defaultValue = "" + SigningKeys.DEFAULT_VALIDITY_DAYS,
                description = "Certificate validity in days (default: ${DEFAULT-VALUE}).")
        int days;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Encrypt the key with the first line of FILE (or set PROVKIT_KEY_PASSWORD).")
        Path passwordFile;

        @Override
        public Integer call() {
            KeyLocations locations = out == null ? KeyLocations.fromEnvironment() : new KeyLocations(out.toAbsolutePath());
            Optional<char[]> password = KeyPassword.resolve(passwordFile, System.getenv());
            SigningKeys.Written written = SigningKeys.generate(locations,
                    subject == null ? SigningKeys.defaultSubject() : subject, type, days, password);
            KeysCommand.print(keys.parent, global.json || keys.global.json, written.keyFile(), written.certFile(),
                    KeyFiles.readCertificates(written.certFile()));
            return ExitCode.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import an institution's key and certificate chain from a PKCS#12 file.",
                "The key is stored encrypted with the same password (from --password-file or PROVKIT_KEY_PASSWORD)."})
    static final class Import implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @ParentCommand
        KeysCommand keys;

        @Parameters(index = "0", paramLabel = "FILE.p12", description = "PKCS#12 file with one private key and its chain.")
        Path pkcs12;
        @Option(names = "--out", paramLabel = "DIR", description = "Folder to import into (default: the provkit config folder).")
        Path out;
        @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the PKCS#12 password.")
        Path passwordFile;
        @Option(names = "--replace", description = "Replace the key already there; the old key and certificate are kept, "
                + "renamed signing-key.replaced-TIME.pem and signing-cert.replaced-TIME.pem.")
        boolean replace;

        @Override
        public Integer call() {
            KeyLocations locations = out == null ? KeyLocations.fromEnvironment() : new KeyLocations(out.toAbsolutePath());
            Optional<char[]> password = KeyPassword.resolve(passwordFile, System.getenv());
            java.io.PrintStream notes = global.notes(keys.global.notes(keys.parent.err()));
            SigningKeys.Written written = SigningKeys.importPkcs12(pkcs12, password, locations, replace,
                    notice -> notes.println("provkit: " + notice));
            KeysCommand.print(keys.parent, global.json || keys.global.json, written.keyFile(), written.certFile(),
                    KeyFiles.readCertificates(written.certFile()));
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the signing certificate: subject, issuer, SHA-256 fingerprint, validity.")
    static final class Show implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @ParentCommand
        KeysCommand keys;

        @Option(names = "--key", paramLabel = "FILE", description = "Key file (PEM or PKCS#12) instead of the default key.")
        Path key;
        @Option(names = "--cert", paramLabel = "FILE", description = "Certificate file (PEM or DER) to show.")
        Path cert;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Password of a PKCS#12 --key.")
        Path passwordFile;

        @Override
        public Integer call() {
            Path keyFile = key;
            Path certFile = cert;
            if (keyFile == null && certFile == null) {
                KeyLocations locations = KeyLocations.fromEnvironment();
                if (!Files.exists(locations.certFile())) {
                    throw new ProvkitException(ExitCode.UNREADABLE, "no signing key in " + locations.dir()
                            + " yet: run 'provkit keys generate', or the first 'provkit bundle' creates one");
                }
                keyFile = Files.exists(locations.keyFile()) ? locations.keyFile() : null;
                certFile = locations.certFile();
            }
            List<X509Certificate> chain;
            if (certFile != null) {
                chain = KeyFiles.readCertificates(certFile);
            } else {
                Optional<Path> neighbour = SigningKeys.certificateNextTo(keyFile);
                if (neighbour.isPresent()) {
                    certFile = neighbour.get();
                    chain = KeyFiles.readCertificates(certFile);
                } else {
                    certFile = keyFile;
                    chain = SigningKeys.load(keyFile, null, KeyPassword.resolve(passwordFile, System.getenv())).chain();
                }
            }
            KeysCommand.print(keys.parent, global.json || keys.global.json, keyFile, certFile, chain);
            return ExitCode.OK;
        }
    }

    /** Prints a key's files and its certificate chain, as text or JSON. Never the key itself. */
    static void print(ProvkitCommand parent, boolean json, Path keyFile, Path certFile, List<X509Certificate> chain) {
        CertificateInfo signer = CertificateInfo.of(chain.get(0));
        Map<String, Object> keyFacts = keyFile == null ? null : keyFacts(keyFile);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("key", keyFacts);
            result.put("certificate", certFile.toString());
            result.putAll(describe(signer));
            List<Map<String, Object>> described = new ArrayList<>();
            for (X509Certificate certificate : chain) {
                described.add(describe(CertificateInfo.of(certificate)));
            }
            result.put("chain", described);
            try {
                Json.mapper().writeValue(parent.out(), result);
                parent.out().println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        var out = parent.out();
        if (keyFacts != null) {
            out.printf("key          %s (%s, mode %s, %s)%n", keyFile, signer.key(), keyFacts.get("mode"),
                    Boolean.TRUE.equals(keyFacts.get("encrypted")) ? "encrypted" : "not encrypted");
            if (keyFacts.get("problem") != null) {
                out.printf("             %s%n", keyFacts.get("problem"));
            }
        }
        out.printf("certificate  %s%n", certFile);
        out.printf("subject      %s%n", signer.subject());
        out.printf("issuer       %s%n", signer.issuer());
        out.printf("fingerprint  sha256 %s%n", signer.fingerprintSha256());
        out.printf("valid        %s to %s%n", signer.notBefore(), signer.notAfter());
        for (int i = 1; i < chain.size(); i++) {
            CertificateInfo issuer = CertificateInfo.of(chain.get(i));
            out.printf("chain %d      %s (sha256 %s)%n", i, issuer.subject(), issuer.fingerprintSha256());
        }
        if (keyFile != null) {
            boolean isDefault = keyFile.toAbsolutePath().equals(KeyLocations.fromEnvironment().keyFile());
            out.printf("sign with    provkit bundle%s%n", isDefault ? " (the default key)" : " --key " + keyFile);
        }
    }

    private static Map<String, Object> keyFacts(Path keyFile) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("path", keyFile.toString());
        facts.put("encrypted", KeyFiles.isEncrypted(keyFile));
        String mode = null;
        try {
            mode = mode(keyFile);
        } catch (IOException e) {
            mode = "unknown";
        }
        facts.put("mode", mode);
        String problem = null;
        try {
            KeyFiles.requireOwnerOnly(keyFile);
        } catch (ProvkitException e) {
            problem = e.getMessage();
        }
        facts.put("problem", problem);
        return facts;
    }

    private static Map<String, Object> describe(CertificateInfo info) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("subject", info.subject());
        described.put("issuer", info.issuer());
        described.put("fingerprintSha256", info.fingerprintSha256());
        described.put("serialNumber", info.serialNumber());
        described.put("notBefore", info.notBefore().toString());
        described.put("notAfter", info.notAfter().toString());
        described.put("keyType", info.key());
        return described;
    }

    /** Octal mode of a file, "n/a" where the file system has no POSIX permissions. */
    private static String mode(Path file) throws IOException {
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) == null) {
            return "n/a";
        }
        return KeyFiles.octalMode(Files.getPosixFilePermissions(file));
    }
}
