package org.provkit.cli;

import picocli.CommandLine.Option;

/** Options every command takes (DESIGN.md, "Commands"). */
public final class GlobalOptions {

    @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
    public boolean json;

    @Option(names = "--no-progress", description = "Never draw a progress bar.")
    public boolean noProgress;

    @Option(names = "--debug", description = "Show stack traces and internal details on errors.")
    public boolean debug;

    /** True when a progress bar may be drawn: asked for, and standard error is a terminal. */
    public boolean progress() {
        return !noProgress && Terminal.stderrIsTerminal();
    }
}
