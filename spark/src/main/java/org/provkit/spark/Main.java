package org.provkit.spark;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.apache.spark.sql.SparkSession;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;
import org.provkit.ProvkitVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * provkit's Spark jobs: {@code spark-submit --class org.provkit.spark.Main provkit-spark.jar JOB ARGS...}.
 * {@link #run} is what tests call (it leaves the Spark session open); only {@link #main} stops the session
 * and exits. Exit codes as provkit's: 0 ok, 1 problems found, 2 usage, 3 an input could not be read.
 */
@Command(name = "provkit-spark", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "provkit on Apache Spark: bundle, inspect, verify and audit collections of millions of documents.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:ok", "1:the check found problems (an invalid bundle)", "2:usage error", "3:an input could not be read"})
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        System.exit(code);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new BundleJob(out, err));
        cli.addSubcommand(new InspectJob(out, err));
        cli.addSubcommand(new VerifyJob(out, err));
        cli.addSubcommand(new AuditJob(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            errWriter.println("provkit-spark: " + ex.getMessage());
            errWriter.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = rootProvkitException(ex);
            if (cause instanceof ProvkitException pe) {
                errWriter.println("provkit-spark: " + pe.getMessage());
                if (debug) {
                    ex.printStackTrace(errWriter);
                }
                return pe.exitCode();
            }
            errWriter.println("provkit-spark: " + describe(ex) + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(errWriter);
            }
            return ExitCode.UNREADABLE;
        });
        return cli.execute(args.length == 0 ? new String[] {"--help"} : withoutDebug(args));
    }

    private static String[] withoutDebug(String[] args) {
        return java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    }

    /** A ProvkitException, even when Spark wrapped it in a job failure. */
    private static Throwable rootProvkitException(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ProvkitException) {
                return t;
            }
        }
        return ex;
    }

    /** One line: Spark's job failures carry the task's message several layers down. */
    private static String describe(Throwable ex) {
        Throwable deepest = ex;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        String first = message == null ? deepest.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        return first;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"provkit-spark " + ProvkitVersion.get() + " (Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ")"};
        }
    }
}
