package org.provkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns whatever ended a run into the one line a user reads (what and where) and its exit code: a
 * {@link ProvkitException} says so itself; running out of memory, in any thread, says how to give Java
 * more; a file that could not be read or written names the file and the reason; anything else is an
 * internal error. Stack traces are only for {@code --debug}.
 */
public final class Failures {

    /** Set when any thread ran out of memory: later failures (a class whose loading died with it) are that. */
    private static final AtomicBoolean OUT_OF_MEMORY = new AtomicBoolean();
    /** The out-of-memory line is printed once, whichever thread sees it first. */
    private static final AtomicBoolean OUT_OF_MEMORY_SAID = new AtomicBoolean();
    /**
     * Memory held back from the start and let go when memory runs out, so that saying so (making the line,
     * printing it) does not itself fail for want of a few kilobytes.
     */
    private static volatile byte[] reserve;
    private static volatile String outOfMemoryLine;

    /** A failure as the user sees it; {@code line} is null when it was already said (once per run). */
    public record Outcome(String line, int exitCode) {
    }

    private Failures() {
    }

    /** Holds the reserve and makes the out-of-memory line while memory is plentiful (a run's first step). */
    public static void prepare() {
        reserve = new byte[1 << 21];
        outOfMemoryLine = outOfMemoryLine();
    }

    public static Outcome of(Throwable failure) {
        if (dueToMemory(failure)) {
            reserve = null;
            OUT_OF_MEMORY.set(true);
            String line = outOfMemoryLine != null ? outOfMemoryLine : outOfMemoryLine();
            return new Outcome(OUT_OF_MEMORY_SAID.getAndSet(true) ? null : line, ExitCode.UNREADABLE);
        }
        ProvkitException provkit = provkitCause(failure);
        if (provkit != null) {
            return new Outcome("provkit: " + provkit.getMessage(), provkit.exitCode());
        }
        IOException io = ioCause(failure);
        if (io != null) {
            return new Outcome("provkit: " + describe(io), ExitCode.UNREADABLE);
        }
        return new Outcome("provkit: internal error: " + className(failure) + (failure.getMessage() == null ? ""
                : ": " + firstLine(failure.getMessage())) + " (run with --debug for details)", ExitCode.UNREADABLE);
    }

    /** For a thread that died on its own (not the command's): remembers a lack of memory, says it once. */
    public static String ofBackgroundThread(Thread thread, Throwable failure) {
        if (dueToMemory(failure)) {
            return of(failure).line();
        }
        return "provkit: internal error in thread " + thread.getName() + ": " + className(failure)
                + (failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage()));
    }

    public static String outOfMemoryLine() {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        long gb = suggestedGigabytes(mb);
        return "provkit: out of memory (" + mb + " MB heap); run again with more: PROVKIT_JAVA_OPTS=-Xmx" + gb
                + "g provkit ... (or java -Xmx" + gb + "g -jar provkit.jar ...)";
    }

    /** Four times the heap, in whole gigabytes, rounded up to a power of two; at least 2. */
    static long suggestedGigabytes(long currentMb) {
        long wanted = Math.max(2, (currentMb * 4 + 1023) / 1024);
        return Long.highestOneBit(wanted - 1) << 1;
    }

    /**
     * Out of memory, here or earlier in another thread: a class whose static initialiser ran out of memory
     * is unusable afterwards ({@code NoClassDefFoundError: Could not initialize class}).
     */
    static boolean dueToMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (OUT_OF_MEMORY.get() && (t instanceof NoClassDefFoundError || t instanceof ExceptionInInitializerError)) {
                return true;
            }
        }
        return false;
    }

    private static ProvkitException provkitCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProvkitException provkit) {
                return provkit;
            }
        }
        return null;
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UncheckedIOException unchecked) {
                return unchecked.getCause();
            }
            if (t instanceof IOException io && !(t.getCause() instanceof RuntimeException) && !(t.getCause() instanceof Error)) {
                return io;
            }
        }
        return null;
    }

    /** "FILE: reason" for a file-system failure; the message of any other I/O failure. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String where = fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile());
            return where + ": " + reason(e);
        }
        return reason(e);
    }

    /** Why a file operation failed, in a few words. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        String message = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (message == null || message.isBlank()) {
            return className(e);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (lower.contains("no space left")) {
            return "no space left on the device";
        }
        if (lower.contains("is a directory")) {
            return "is a folder";
        }
        if (lower.contains("not a directory")) {
            return "not a folder";
        }
        return firstLine(message);
    }

    private static String className(Throwable t) {
        return t.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
