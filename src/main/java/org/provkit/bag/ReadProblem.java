package org.provkit.bag;

/**
 * Something a reader found wrong (or worth a warning) in a tag file, an archive entry or a path.
 * The verifier turns it into a finding naming the file; codes are the finding codes ({@code E_...}, {@code W_...}).
 */
public record ReadProblem(String code, String message) {

    public boolean isWarning() {
        return code.startsWith("W_");
    }
}
