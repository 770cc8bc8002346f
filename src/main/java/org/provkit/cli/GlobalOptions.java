package org.provkit.cli;

import java.io.OutputStream;
import java.io.PrintStream;

import picocli.CommandLine.Option;

/** Options every command takes (DESIGN.md, "Commands"). */
public final class GlobalOptions {

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
    public boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the results asked for: no notes, warnings, "
            + "progress or summaries (the exit code tells the outcome).")
    public boolean quiet;

    @Option(names = "--no-progress", description = "Never draw a progress bar.")
    public boolean noProgress;

    @Option(names = "--debug", description = "Show stack traces and internal details on errors.")
    public boolean debug;

    /** True when a progress bar may be drawn: asked for, and standard error is a terminal. */
    public boolean progress() {
        return !noProgress && !quiet && Terminal.stderrIsTerminal();
    }

    /** Where notes, warnings and notices go: {@code err}, or nowhere with {@code --quiet}. */
    public PrintStream notes(PrintStream err) {
        return quiet ? NOWHERE : err;
    }
}
