package org.provkit;

/**
 * An error the user must see as one clear line (what and where), with the exit code it maps to.
 * Findings of a check are never exceptions; this is for "cannot do what you asked".
 */
public class ProvkitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ProvkitException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ProvkitException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static ProvkitException usage(String message) {
        return new ProvkitException(ExitCode.USAGE, message);
    }

    public static ProvkitException unreadable(String message, Throwable cause) {
        return new ProvkitException(ExitCode.UNREADABLE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
