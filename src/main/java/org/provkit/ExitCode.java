package org.provkit;

/** The exit codes every command shares (DESIGN.md, "Commands"). */
public final class ExitCode {
    /** Everything went well. */
    public static final int OK = 0;
    /** The check found problems: an invalid bundle, a failed audit, warnings under --strict. */
    public static final int PROBLEMS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An input could not be read at all, or an output could not be written. */
    public static final int UNREADABLE = 3;
    /** Another provkit run is writing the same bundle (same output folder and name): this one stopped at once. */
    public static final int BUSY = 4;

    private ExitCode() {
    }
}
