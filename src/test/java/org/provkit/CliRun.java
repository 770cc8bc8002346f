package org.provkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs provkit's CLI in this JVM ({@link #inProcess}) or as a child process ({@link #child}) and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(o, e, args);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A real provkit process (same classpath as the tests), with extra environment variables. */
    public static CliRun child(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return finish(start(workDir, env, args));
    }

    /** As {@link #child}, with options for the JVM (such as {@code -Xmx48m}). */
    public static CliRun childWithJvm(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return finish(start(List.of(), workDir, env, jvmOptions, args));
    }

    /**
     * A provkit process that cannot write in {@code folder} (nor below it): as root, whom permissions do not
     * stop, the folder is bind-mounted read-only in a private mount namespace ({@code unshare -m}); otherwise
     * its write permission is taken away while the process runs. Null when neither is possible here.
     */
    public static CliRun childWithReadOnly(Path folder, Path workDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        if (isRoot()) {
            List<String> prefix = List.of("unshare", "-m", "sh", "-c",
                    "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"", folder.toString());
            CliRun run = finish(start(prefix, workDir, env, List.of(), args));
            return run.err().contains("mount:") || run.err().contains("unshare:") ? null : run;
        }
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            return child(workDir, env, args);
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static Process start(Path workDir, Map<String, String> env, String... args) throws IOException {
        return start(List.of(), workDir, env, List.of(), args);
    }

    private static Process start(List<String> prefix, Path workDir, Map<String, String> env, List<String> jvmOptions,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.provkit.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        builder.redirectErrorStream(false);
        return builder.start();
    }

    private static CliRun finish(Process process) throws IOException, InterruptedException {
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("provkit did not finish in 5 minutes");
        }
        return new CliRun(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** True when standard error is exactly one line and holds no sign of a Java stack trace or exception name. */
    public boolean errIsOnePlainLine() {
        return err.strip().lines().count() == 1 && isPlain(err);
    }

    /** No stack frame, no "Exception in thread", no exception class name. */
    public static boolean isPlain(String text) {
        return !text.contains("\tat ") && !text.contains("Exception") && !text.contains("java.")
                && !text.matches("(?s).*\\b[A-Z][A-Za-z]+Error\\b.*");
    }
}
