package org.provkit.sign;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/** Creating, importing and loading signing keys (the logic behind {@code provkit keys} and {@code bundle --key}). */
public final class SigningKeys {

    /** Validity of a generated self-signed certificate: long, because bundles outlive certificates (use --tsa). */
    public static final int DEFAULT_VALIDITY_DAYS = 7305;

    private SigningKeys() {
    }

    /** Where a key pair was written, and what its certificate says. */
    public record Written(Path keyFile, Path certFile, CertificateInfo certificate) {
    }

    public static String defaultSubject() {
        String user = System.getProperty("user.name", "").replaceAll("[,=+<>#;\"\\\\]", " ").trim();
        return user.isEmpty() ? "CN=provkit signer" : "CN=provkit signer " + user;
    }

    /** Generates a key and a self-signed certificate into {@code locations}; never replaces an existing key. */
    public static Written generate(KeyLocations locations, String subject, KeyType type, int days, Optional<char[]> password) {
        if (days < 1) {
            throw ProvkitException.usage("--days must be at least 1, not " + days);
        }
        SelfSignedCertificates.parseSubject(subject);
        refuseExisting(locations);
        KeyPair keys = type.generate();
        X509Certificate certificate = SelfSignedCertificates.create(keys, subject, type, Instant.now(), Duration.ofDays(days));
        return write(locations, keys.getPrivate(), List.of(certificate), password);
    }

    /**
     * Imports an institution's key and chain from a PKCS#12 file into {@code locations}. The key is
     * stored encrypted with the same password the store had (none if it had none).
     */
    public static Written importPkcs12(Path pkcs12, Optional<char[]> password, KeyLocations locations) {
        return importPkcs12(pkcs12, password, locations, false, notice -> { });
    }

    /**
     * As {@link #importPkcs12(Path, Optional, KeyLocations)}; with {@code replace}, a key already there is
     * set aside (renamed {@code signing-key.replaced-<UTC time>.pem}, its certificate likewise, one notice
     * each) once the new one has been read, never deleted: bundles it signed still name it.
     */
    public static Written importPkcs12(Path pkcs12, Optional<char[]> password, KeyLocations locations, boolean replace,
            Consumer<String> notice) {
        if (!Files.isRegularFile(pkcs12)) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read " + pkcs12 + ": no such file");
        }
        KeyFiles.Loaded loaded = readAny(pkcs12, password, false);
        if (loaded.certificates().isEmpty()) {
            throw new ProvkitException(ExitCode.UNREADABLE, pkcs12 + " holds a key but no certificate");
        }
        SigningKey key = bind(loaded.key(), loaded.certificates(), pkcs12);
        if (replace) {
            setAside(locations, notice);
        }
        refuseExisting(locations);
        Optional<char[]> storePassword = password.filter(p -> p.length > 0);
        return write(locations, key.privateKey(), key.chain(), storePassword);
    }

    private static void setAside(KeyLocations locations, Consumer<String> notice) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now());
        for (Path file : List.of(locations.keyFile(), locations.certFile())) {
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path aside = file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".replaced-" + stamp
                    + (dot < 0 ? "" : name.substring(dot)));
            try {
                Files.move(file, aside);
            } catch (IOException e) {
                throw new ProvkitException(ExitCode.UNREADABLE, "cannot set the old key aside: " + file + " -> " + aside + ": "
                        + Problems.reason(e), e);
            }
            notice.accept("the previous " + (file.equals(locations.keyFile()) ? "key" : "certificate") + " is kept as " + aside);
        }
    }

    /**
     * Loads a key and its certificate chain. The chain comes from {@code certFile}, else from the key
     * file itself (PEM with CERTIFICATE blocks, or PKCS#12), else from a neighbour whose name has
     * "cert" for "key" ({@code signing-key.pem} → {@code signing-cert.pem}).
     */
    public static SigningKey load(Path keyFile, Path certFile, Optional<char[]> password) {
        if (!Files.exists(keyFile)) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read key " + keyFile + ": no such file");
        }
        KeyFiles.Loaded loaded = readAny(keyFile, password, true);
        List<X509Certificate> chain;
        if (certFile != null) {
            chain = KeyFiles.readCertificates(certFile);
        } else if (!loaded.certificates().isEmpty()) {
            chain = loaded.certificates();
        } else {
            Path neighbour = certificateNextTo(keyFile)
                    .orElseThrow(() -> ProvkitException.usage("no certificate for key " + keyFile + ": give it with --cert FILE"));
            chain = KeyFiles.readCertificates(neighbour);
        }
        return bind(loaded.key(), chain, keyFile);
    }

    /** The certificate file that goes with a key file when none is named, if it exists. */
    public static Optional<Path> certificateNextTo(Path keyFile) {
        String name = keyFile.getFileName().toString();
        if (!name.contains("key")) {
            return Optional.empty();
        }
        Path neighbour = keyFile.resolveSibling(name.replace("key", "cert"));
        return Files.isRegularFile(neighbour) ? Optional.of(neighbour) : Optional.empty();
    }

    /**
     * The default key, created on first use (one notice through {@code notice}). A file lock makes
     * two first bundles running at once create one key, not two.
     */
    public static SigningKey loadOrCreateDefault(KeyLocations locations, Optional<char[]> password, Consumer<String> notice) {
        if (Files.exists(locations.keyFile())) {
            return load(locations.keyFile(), locations.certFile(), password);
        }
        // The file lock keeps other processes out; the monitor keeps other threads of this JVM out
        // (FileChannel.lock throws OverlappingFileLockException for a second lock from one JVM).
        synchronized (SigningKeys.class) {
            createDefault(locations, password, notice);
        }
        return load(locations.keyFile(), locations.certFile(), password);
    }

    private static void createDefault(KeyLocations locations, Optional<char[]> password, Consumer<String> notice) {
        try {
            KeyFiles.createPrivateDirectories(locations.dir());
            try (FileChannel channel = FileChannel.open(locations.dir().resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    if (!Files.exists(locations.keyFile())) {
                        Written written = generate(locations, defaultSubject(), KeyType.EC, DEFAULT_VALIDITY_DAYS, password);
                        notice.accept("created a signing key " + written.keyFile() + " with a self-signed certificate "
                                + written.certFile() + "; to sign as your institution instead, run 'provkit keys import --replace FILE.p12'"
                                + " or pass --key FILE --cert FILE");
                    }
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot create the default signing key in " + locations.dir() + ": "
                    + Problems.reason(e), e);
        }
    }

    private static KeyFiles.Loaded readAny(Path keyFile, Optional<char[]> password, boolean requirePrivateMode) {
        if (requirePrivateMode) {
            KeyFiles.requireOwnerOnly(keyFile);
        }
        // An institution's .p12 handed over on a stick need not be 0600: it is imported into a 0600 file.
        return KeyFiles.readPrivateKeyAnyMode(keyFile, password);
    }

    /**
     * Why {@code openssl cms -verify} (purpose smimesign, its default) would reject this chain
     * although the signature is sound: an extended key usage without emailProtection on any of its
     * certificates. Signing goes on; the user is told that openssl will need {@code -purpose any}.
     */
    public static Optional<String> opensslPurposeWarning(List<X509Certificate> chain) {
        for (X509Certificate certificate : chain) {
            try {
                List<String> usages = certificate.getExtendedKeyUsage();
                if (usages != null && !usages.contains(EMAIL_PROTECTION)) {
                    return Optional.of("certificate '" + CertificateInfo.name(certificate.getSubjectX500Principal())
                            + "' has an extended key usage without emailProtection: openssl cms -verify will need -purpose any");
                }
            } catch (java.security.cert.CertificateParsingException e) {
                return Optional.of("certificate '" + CertificateInfo.name(certificate.getSubjectX500Principal())
                        + "' has an unreadable extended key usage: " + Problems.reason(e));
            }
        }
        return Optional.empty();
    }

    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";

    /** Puts the certificate of {@code key} first and checks the key really belongs to it. */
    static SigningKey bind(PrivateKey key, List<X509Certificate> chain, Path source) {
        X509Certificate signer = null;
        for (X509Certificate certificate : chain) {
            if (matches(key, certificate)) {
                signer = certificate;
                break;
            }
        }
        if (signer == null) {
            throw ProvkitException.usage("the key in " + source + " does not belong to certificate '"
                    + CertificateInfo.name(chain.get(0).getSubjectX500Principal()) + "'");
        }
        if (KeyType.of(signer.getPublicKey()) == null) {
            throw ProvkitException.usage("key " + source + " is " + signer.getPublicKey().getAlgorithm()
                    + "; provkit signs with ECDSA or RSA keys (OpenSSL 3.0 cannot verify Ed25519 in CMS)");
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw ProvkitException.usage("certificate '" + CertificateInfo.name(signer.getSubjectX500Principal())
                    + "' does not allow digital signatures (its key usage lacks digitalSignature and nonRepudiation)");
        }
        List<X509Certificate> ordered = new ArrayList<>();
        ordered.add(signer);
        for (X509Certificate certificate : chain) {
            if (certificate != signer) {
                ordered.add(certificate);
            }
        }
        return new SigningKey(key, ordered);
    }

    /** True when the private key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        KeyType type = KeyType.of(certificate.getPublicKey());
        if (type == null || !sameFamily(key, type)) {
            return false;
        }
        try {
            byte[] probe = "provkit key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(type.signatureAlgorithm());
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(type.signatureAlgorithm());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameFamily(PrivateKey key, KeyType type) {
        String algorithm = key.getAlgorithm();
        return type == KeyType.EC ? algorithm.startsWith("EC") : algorithm.equals("RSA");
    }

    private static void refuseExisting(KeyLocations locations) {
        for (Path file : List.of(locations.keyFile(), locations.certFile())) {
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw ProvkitException.usage("a signing key already exists at " + file
                        + "; --replace sets it aside and imports the new one (or choose another --out folder)");
            }
        }
    }

    private static Written write(KeyLocations locations, PrivateKey key, List<X509Certificate> chain, Optional<char[]> password) {
        try {
            KeyFiles.createPrivateDirectories(locations.dir());
            KeyFiles.writeCertificates(locations.certFile(), chain);
            try {
                KeyFiles.writePrivateKey(locations.keyFile(), key, password);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(locations.certFile());
                throw e;
            }
        } catch (FileAlreadyExistsException e) {
            throw ProvkitException.usage("a signing key already exists at " + e.getFile() + "; nothing was replaced");
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot write the key to " + locations.dir() + ": " + Problems.reason(e), e);
        }
        return new Written(locations.keyFile(), locations.certFile(), CertificateInfo.of(chain.get(0)));
    }
}
