package org.provkit;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.provkit.cli.ProvkitCommand;

import picocli.CommandLine;

/**
 * Entry point. {@link #run} is what tests call; only {@link #main} exits the JVM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs provkit with the given arguments and returns its exit code (see {@link ExitCode}). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // Libraries (PDFBox, POI) log every oddity of a damaged file; provkit reports those itself.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "warn" : "off");
        CommandLine cli = ProvkitCommand.commandLine(out, err, args);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ex -> ex instanceof ProvkitException pe ? pe.exitCode() : ExitCode.UNREADABLE);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            errWriter.println("provkit: " + ex.getMessage());
            CommandLine failed = ex.getCommandLine();
            errWriter.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ProvkitException pe) {
                errWriter.println("provkit: " + pe.getMessage());
                if (debug) {
                    ex.printStackTrace(errWriter);
                }
                return pe.exitCode();
            }
            errWriter.println("provkit: internal error: " + describe(ex)
                    + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(errWriter);
            }
            return ExitCode.UNREADABLE;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Whatever was being written is removed on the way out (temporary names only); say what to do.
            errWriter.println("provkit: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB heap); run again with more, e.g. PROVKIT_JAVA_OPTS=-Xmx4g");
            code = ExitCode.UNREADABLE;
        }
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
