package org.provkit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a plain {@code kill}): one line saying what was left undone, and no temporary files left
 * behind. Work that leaves files until it finishes registers a clean-up for as long as it runs; when the
 * JVM is asked to stop before {@link #finished()}, the shutdown hook stops the child processes, runs the
 * clean-ups and prints the line. The exit status stays the signal's (130 for Ctrl-C).
 */
public final class Interruption {

    /** A clean-up and what the user should know when it had to run ("no bundle was written"). */
    private record CleanUp(String lost, Runnable action) {
    }

    private static final List<CleanUp> CLEAN_UPS = new CopyOnWriteArrayList<>();
    private static volatile boolean finished;
    private static volatile boolean interrupted;

    private Interruption() {
    }

    /** Installs the hook (only {@link Main#main} does: tests run many commands in one JVM). */
    static void install(PrintStream err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished) {
                return;
            }
            interrupted = true;
            // Children (Tika's parsers) first, so that nothing writes while the files are removed.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            List<String> lost = new ArrayList<>();
            for (CleanUp cleanUp : CLEAN_UPS) {
                runQuietly(cleanUp.action());
                if (cleanUp.lost() != null) {
                    lost.add(cleanUp.lost());
                }
            }
            sleepBriefly();
            // Once more: a thread may have created a file while the first pass ran.
            CLEAN_UPS.forEach(cleanUp -> runQuietly(cleanUp.action()));
            err.println("provkit: interrupted" + (lost.isEmpty() ? "" : "; " + String.join("; ", lost)));
            err.flush();
        }, "provkit-interrupted"));
    }

    /** The command ran to its end: from now on a shutdown is no interruption. */
    static void finished() {
        finished = true;
    }

    /** True once the JVM is stopping before the command ended: nothing more should be printed. */
    public static boolean happened() {
        return interrupted;
    }

    /**
     * Runs {@code action} if the run is interrupted before the returned registration is closed.
     *
     * @param lost what the user is told was not done, e.g. "no bundle was written (temporary files removed)";
     *             null when another registration says it
     */
    public static Registration onInterrupt(String lost, Runnable action) {
        CleanUp cleanUp = new CleanUp(lost, action);
        CLEAN_UPS.add(cleanUp);
        return () -> CLEAN_UPS.remove(cleanUp);
    }

    /** Ends a clean-up's registration; closing it twice is harmless. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // the JVM is stopping: a file that cannot be removed now is removed by the next run's leftover sweep
        }
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
