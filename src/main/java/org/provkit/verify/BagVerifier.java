package org.provkit.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.bag.ArchiveLimits;
import org.provkit.bag.BagScanner;
import org.provkit.bag.BagSource;
import org.provkit.bag.BagSources;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bag.DigestWarmUp;

/**
 * Verifies a bag or provkit bundle; findings are values in the report, never exceptions.
 *
 * <p>One pass over the target (directory, tar, tar.gz or zip; archives are streamed, never unpacked)
 * keeps the tag files and hashes the payload with every manifest algorithm at once, one thread per
 * algorithm, or for entries that lie as they are in a file on disk (a folder's files, a plain tar's
 * entries) file by file on every core ({@link org.provkit.bag.DigestPipeline}); the tag files and the
 * signature are checked while the payload is still being hashed. Only entries hashed with the wrong guess of
 * algorithm (a foreign archive with its payload before its manifests) are read a second time; see
 * {@link BagScanner}. The rules themselves are in {@link BagChecks}.
 */
public final class BagVerifier {

    private BagVerifier() {
    }

    /**
     * @throws org.provkit.ProvkitException with exit code 3 when the target cannot be read at all
     */
    public static VerificationReport verify(Path target, VerifyOptions options) {
        return verify(target, options, SignatureChecker.cms(), new AtomicLong(), new AtomicLong());
    }

    /**
     * As {@link #verify(Path, VerifyOptions)}, with the signature check given and progress counters:
     * {@code total} is set to the bytes a pass reads, {@code done} grows as they are read.
     */
    public static VerificationReport verify(Path target, VerifyOptions options, SignatureChecker signatures,
            AtomicLong done, AtomicLong total) {
        if (!options.fast() && !options.completenessOnly()) {
            // The algorithms of provkit's bundles, the usual case; other bags' loops are compiled as they run.
            DigestWarmUp.start(EnumSet.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512));
        }
        ArchiveLimits limits = ArchiveLimits.defaults();
        BagSource source = BagSources.open(target, limits);
        total.set(source.totalBytes());
        BagScanner.Scan scan;
        try {
            BagScanner.Hashing hashing = options.fast() || options.completenessOnly()
                    ? BagScanner.Hashing.NONE : BagScanner.Hashing.ALL;
            scan = BagScanner.scan(source, hashing, limits, done);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, target + ": cannot be read as a " + source.format()
                    + " (" + e.getMessage() + ")", e);
        }
        try (scan) {
            return new BagChecks(target.toString(), source, scan, options, signatures, done).run();
        }
    }
}
