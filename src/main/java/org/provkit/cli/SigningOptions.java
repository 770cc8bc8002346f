package org.provkit.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.provkit.ProvkitException;
import org.provkit.sign.BundleSigner;
import org.provkit.sign.CmsBundleSigner;
import org.provkit.sign.HttpTimestampAuthority;
import org.provkit.sign.KeyLocations;
import org.provkit.sign.KeyPassword;
import org.provkit.sign.SigningKey;
import org.provkit.sign.SigningKeys;
import org.provkit.sign.TimestampAuthority;

import picocli.CommandLine.Option;

/** Signing options of {@code bundle}. */
public final class SigningOptions {

    @Option(names = "--key", paramLabel = "FILE",
            description = "Private key (PEM, PKCS#8) or PKCS#12 file to sign with (default: the key in ~/.config/provkit/, created on first use).")
    Path key;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Certificate chain (PEM) of --key (default: in the key file, or signing-cert.pem next to signing-key.pem).")
    Path cert;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the key's password (or set PROVKIT_KEY_PASSWORD).")
    Path passwordFile;

    @Option(names = "--no-sign", description = "Write an unsigned bundle.")
    boolean noSign;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamping authority to ask for a token.")
    URI tsa;

    /** Where the default key lives; null means from the environment (tests set a temp folder). */
    KeyLocations locations;
    /** Environment variables (password, HOME, XDG_CONFIG_HOME); null means the process environment. */
    Map<String, String> environment;

    /**
     * The signer to use, or empty for an unsigned bundle. Notices (a key created) go to {@code err}.
     * The key is loaded here, before any bundling work, so a wrong password fails fast.
     *
     * @throws ProvkitException exit 2 for contradictory options or a wrong/missing password, exit 3 for
     *         a key that cannot be read or that other users can read
     */
    public Optional<BundleSigner> signer(PrintStream err) {
        if (noSign) {
            if (key != null || cert != null || tsa != null || passwordFile != null) {
                throw ProvkitException.usage("--no-sign cannot be combined with --key, --cert, --password-file or --tsa");
            }
            return Optional.empty();
        }
        if (cert != null && key == null) {
            throw ProvkitException.usage("--cert needs --key (the default key has its own certificate)");
        }
        Optional<TimestampAuthority> authority = Optional.ofNullable(tsa).map(HttpTimestampAuthority::new);
        Map<String, String> env = environment == null ? System.getenv() : environment;
        Optional<char[]> password = KeyPassword.resolve(passwordFile, env);
        SigningKey signingKey = key != null
                ? SigningKeys.load(key, cert, password)
                : SigningKeys.loadOrCreateDefault(locations == null ? KeyLocations.resolve(env, System.getProperties()) : locations,
                        password, notice -> err.println("provkit: " + notice));
        SigningKeys.opensslPurposeWarning(signingKey.chain()).ifPresent(warning -> err.println("provkit: warning: " + warning));
        return Optional.of(new CmsBundleSigner(signingKey, authority));
    }
}
