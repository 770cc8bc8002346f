package org.provkit.cli;

/**
 * Whether standard error is a terminal. The launcher knows ({@code [ -t 2 ]}) and passes
 * {@code -Dprovkit.stderr.tty=true}; {@code System.console()} is no such test on newer JDKs.
 */
public final class Terminal {

    private Terminal() {
    }

    public static boolean stderrIsTerminal() {
        if (!Boolean.getBoolean("provkit.stderr.tty")) {
            return false;
        }
        String term = System.getenv("TERM");
        return term == null || !term.equals("dumb");
    }
}
