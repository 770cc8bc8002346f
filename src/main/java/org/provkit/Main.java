package org.provkit;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.provkit.cli.ProvkitCommand;
import org.provkit.cli.UsageErrors;

import picocli.CommandLine;

/**
 * Entry point. {@link #run} is what tests call; only {@link #main} exits the JVM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Failures.prepare();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        boolean debug = Arrays.asList(args).contains("--debug");
        // A thread of provkit's own that dies (out of memory while loading the language profiles, say) is one
        // line, never Java's "Exception in thread ..." trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (Interruption.happened()) {
                return;
            }
            String line = Failures.ofBackgroundThread(thread, failure);
            if (line != null) {
                err.println(line);
            }
            if (debug) {
                failure.printStackTrace(err);
            }
        });
        Interruption.install(err);
        int code;
        try {
            code = run(out, err, args);
        } catch (Throwable last) {
            // run() reports its own failures; this is one that struck while it did (out of memory again)
            Failures.Outcome outcome = Failures.of(last);
            if (outcome.line() != null) {
                err.println(outcome.line());
            }
            code = outcome.exitCode();
        }
        out.flush();
        err.flush();
        Interruption.finished();
        System.exit(code);
    }

    /** Runs provkit with the given arguments and returns its exit code (see {@link ExitCode}). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        boolean debug = Arrays.asList(args).contains("--debug");
        // Libraries (PDFBox, POI) log every oddity of a damaged file; provkit reports those itself.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "warn" : "off");
        CommandLine cli = ProvkitCommand.commandLine(out, err, args);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ex -> Failures.of(ex).exitCode());
        cli.setParameterExceptionHandler((ex, ignored) -> {
            UsageErrors.print(ex, errWriter);
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, debug, errWriter));
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // picocli hands only exceptions to the handler; an Error (out of memory, a class that could not
            // be loaded after it) comes here.
            code = report(e, debug, errWriter);
        }
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    private static int report(Throwable failure, boolean debug, PrintWriter err) {
        Failures.Outcome outcome = Failures.of(failure);
        if (Interruption.happened()) {
            return outcome.exitCode(); // files vanish under a run that is being stopped: the hook says what happened
        }
        if (outcome.line() != null) {
            err.println(outcome.line());
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        return outcome.exitCode();
    }
}
