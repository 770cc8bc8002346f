package org.provkit.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.provkit.sign.BundleSigner;

import picocli.CommandLine.Option;

/** Signing options of {@code bundle}. */
public final class SigningOptions {

    @Option(names = "--key", paramLabel = "FILE", description = "Private key (PEM, PKCS#8) or PKCS#12 file to sign with.")
    Path key;

    @Option(names = "--cert", paramLabel = "FILE", description = "Certificate chain (PEM) of --key.")
    Path cert;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the key's password.")
    Path passwordFile;

    @Option(names = "--no-sign", description = "Write an unsigned bundle.")
    boolean noSign;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamping authority to ask for a token.")
    URI tsa;

    /** The signer to use, or empty for an unsigned bundle. Notices (a key created) go to {@code err}. */
    public Optional<BundleSigner> signer(PrintStream err) {
        return Optional.empty();
    }
}
