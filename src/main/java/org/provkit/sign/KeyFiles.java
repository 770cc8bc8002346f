package org.provkit.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/**
 * Reading and writing key and certificate files. Private keys are PKCS#8 PEM (encrypted with
 * PBES2/AES-256-CBC/PBKDF2-HMAC-SHA256 when a password is given, readable by
 * {@code openssl pkey}); they are created with mode 0600 and refused when other users could read them.
 */
public final class KeyFiles {

    /** PBKDF2 rounds for a newly encrypted key: about 0.1 s here, paid once per bundle. */
    static final int PBKDF2_ITERATIONS = 200_000;

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFiles() {
    }

    /** A private key and the certificates found with it (in a PEM file or a PKCS#12 store). */
    public record Loaded(PrivateKey key, List<X509Certificate> certificates) {
        @Override
        public String toString() {
            return "Loaded[" + certificates.size() + " certificates]";
        }
    }

    // ---- private keys ---------------------------------------------------------------------------

    /**
     * Reads a private key from a PEM file (PKCS#8, encrypted PKCS#8, or OpenSSL's traditional EC/RSA
     * form) or a PKCS#12 store. Refuses a file other users can read.
     */
    public static Loaded readPrivateKey(Path file, Optional<char[]> password) {
        requireOwnerOnly(file);
        return readPrivateKeyAnyMode(file, password);
    }

    static Loaded readPrivateKeyAnyMode(Path file, Optional<char[]> password) {
        byte[] bytes = readAll(file, "key");
        if (looksLikePem(bytes)) {
            return readPemKey(file, new String(bytes, StandardCharsets.US_ASCII), password);
        }
        return readPkcs12(file, bytes, password);
    }

    /** True when the key file needs a password (encrypted PEM or a PKCS#12 store). */
    public static boolean isEncrypted(Path file) {
        byte[] bytes = readAll(file, "key");
        if (!looksLikePem(bytes)) {
            return true;
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        return text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED");
    }

    private static Loaded readPemKey(Path file, String pem, Optional<char[]> password) {
        PrivateKey key = null;
        List<X509Certificate> certificates = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(toX509(holder));
                    continue;
                }
                if (key != null) {
                    continue;
                }
                if (object instanceof PrivateKeyInfo info) {
                    key = converter.getPrivateKey(info);
                } else if (object instanceof PEMKeyPair pair) {
                    key = converter.getKeyPair(pair).getPrivate();
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    char[] secret = requirePassword(file, password);
                    try {
                        key = converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(secret)));
                    } catch (org.bouncycastle.pkcs.PKCSException | OperatorCreationException e) {
                        throw wrongPassword(file, e);
                    }
                } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                    char[] secret = requirePassword(file, password);
                    try {
                        key = converter.getKeyPair(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(secret))).getPrivate();
                    } catch (IOException e) {
                        throw wrongPassword(file, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read key " + file + ": " + Problems.reason(e), e);
        }
        if (key == null) {
            throw new ProvkitException(ExitCode.UNREADABLE, "no private key in " + file
                    + " (expected a PEM 'PRIVATE KEY' block or a PKCS#12 file)");
        }
        return new Loaded(key, List.copyOf(certificates));
    }

    private static Loaded readPkcs12(Path file, byte[] bytes, Optional<char[]> password) {
        char[] secret = password.orElse(new char[0]);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), secret);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                if (password.isEmpty()) {
                    throw missingPassword(file);
                }
                throw wrongPassword(file, e);
            }
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read " + file
                    + ": neither a PEM private key nor a PKCS#12 store (" + Problems.reason(e) + ")", e);
        } catch (GeneralSecurityException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read PKCS#12 store " + file + ": " + Problems.reason(e), e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new ProvkitException(ExitCode.UNREADABLE, "PKCS#12 store " + file + " holds " + keyAliases.size()
                        + " private keys " + keyAliases + "; provkit needs exactly one");
            }
            String alias = keyAliases.get(0);
            Key key = store.getKey(alias, secret);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new ProvkitException(ExitCode.UNREADABLE, "PKCS#12 store " + file + ": entry '" + alias + "' is not a private key");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certificates = store.getCertificateChain(alias);
            if (certificates != null) {
                for (Certificate certificate : certificates) {
                    chain.add((X509Certificate) certificate);
                }
            }
            return new Loaded(privateKey, List.copyOf(chain));
        } catch (java.security.UnrecoverableKeyException e) {
            throw wrongPassword(file, e);
        } catch (GeneralSecurityException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read PKCS#12 store " + file + ": " + Problems.reason(e), e);
        }
    }

    /** Writes a private key as PKCS#8 PEM with mode 0600, encrypted when a password is given; never replaces a file. */
    public static void writePrivateKey(Path target, PrivateKey key, Optional<char[]> password) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            OutputEncryptor encryptor = null;
            if (password.isPresent()) {
                encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(BouncyCastle.provider())
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setRandom(new SecureRandom())
                        .setPassword(password.get())
                        .build();
            }
            writer.writeObject(new JcaPKCS8Generator(key, encryptor));
        } catch (OperatorCreationException e) {
            throw new IOException("cannot encrypt the private key: " + Problems.reason(e), e);
        }
        writeNew(target, text.toString().getBytes(StandardCharsets.US_ASCII), true);
    }

    // ---- certificates ---------------------------------------------------------------------------

    /** Every certificate in a PEM file (any number of CERTIFICATE blocks) or a DER file. */
    public static List<X509Certificate> readCertificates(Path file) {
        byte[] bytes = readAll(file, "certificate");
        List<X509Certificate> certificates = parseCertificates(bytes);
        if (certificates.isEmpty()) {
            throw new ProvkitException(ExitCode.UNREADABLE, "no certificate in " + file + " (expected PEM or DER X.509)");
        }
        return certificates;
    }

    /** The certificates in PEM or DER bytes; empty when there are none or the bytes are not certificates. */
    static List<X509Certificate> parseCertificates(byte[] bytes) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate certificate : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
                result.add((X509Certificate) certificate);
            }
            return result;
        } catch (CertificateException | RuntimeException e) {
            return List.of();
        }
    }

    /** Certificates as concatenated PEM blocks, signer first. */
    public static byte[] toPem(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM to memory", e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static void writeCertificates(Path target, List<X509Certificate> certificates) throws IOException {
        writeNew(target, toPem(certificates), false);
    }

    static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot convert certificate " + holder.getSubject(), e);
        }
    }

    // ---- permissions and files ------------------------------------------------------------------

    /**
     * Refuses a private key file that users other than its owner may read or write (like ssh does):
     * a key others can read is no longer a signature of its owner. Not checked where the file
     * system has no POSIX permissions.
     */
    public static void requireOwnerOnly(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read key " + file + ": " + Problems.reason(e), e);
        }
        if (!Collections.disjoint(permissions, SHARED)) {
            throw new ProvkitException(ExitCode.UNREADABLE, "refusing key " + file + ": other users can access it (mode "
                    + octalMode(permissions) + "); run: chmod 600 " + file);
        }
    }

    public static String octalMode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }

    /** Creates a folder (and its parents) for keys; a new folder is private to its owner (0700). */
    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                return;
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Writes bytes to a new file: a private temporary file in the same folder, synced, then moved to
     * the final name, so a crash never leaves half a key and an existing file is never replaced.
     */
    static void writeNew(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, ownerOnly ? OWNER_ONLY : PosixFilePermissions.fromString("rw-r--r--"));
            }
            // Without REPLACE_EXISTING the move fails rather than overwrite a key written meanwhile.
            Files.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] readAll(Path file, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read " + what + " " + file + ": " + Problems.reason(e), e);
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        // PEM files may start with explanatory text; DER and PKCS#12 start with a SEQUENCE tag.
        return i < bytes.length && bytes[i] != 0x30;
    }

    private static char[] requirePassword(Path file, Optional<char[]> password) {
        return password.orElseThrow(() -> missingPassword(file));
    }

    private static ProvkitException missingPassword(Path file) {
        return ProvkitException.usage("key " + file + " is protected by a password: give it with --password-file FILE or the "
                + KeyPassword.ENV + " environment variable");
    }

    private static ProvkitException wrongPassword(Path file, Exception cause) {
        return new ProvkitException(ExitCode.USAGE, "wrong password for key " + file, cause);
    }
}
