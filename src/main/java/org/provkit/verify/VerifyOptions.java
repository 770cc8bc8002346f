package org.provkit.verify;

import java.nio.file.Path;

/**
 * What a verification checks. {@code trust} is a certificate file or a folder of them (null: no trust
 * decision); {@code fast} checks Payload-Oxum and completeness only where possible;
 * {@code completenessOnly} skips checksums.
 */
public record VerifyOptions(Path trust, boolean fast, boolean completenessOnly) {
    public static VerifyOptions defaults() {
        return new VerifyOptions(null, false, false);
    }
}
