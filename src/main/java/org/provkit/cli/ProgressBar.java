package org.provkit.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.provkit.bundle.ProgressListener;

/**
 * A one-line progress bar on standard error, redrawn at most ten times a second. Terminal only. It shows
 * files done of all, the speed, and the time left once a few seconds have given a fair rate.
 */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 24;
    private final PrintStream err;
    private final AtomicLong doneBytes = new AtomicLong();
    private final AtomicLong doneFiles = new AtomicLong();
    private volatile String phase = "";
    private volatile long totalBytes;
    private volatile long totalFiles;
    private volatile long started;
    private volatile long lastDraw;

    private ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** A bar when {@code global} allows one, else a listener that draws nothing. */
    public static ProgressListener forOptions(GlobalOptions global, PrintStream err) {
        return global.progress() ? new ProgressBar(err) : ProgressListener.NONE;
    }

    @Override
    public void start(String name, long bytes, long files) {
        phase = name;
        totalBytes = Math.max(1, bytes);
        totalFiles = Math.max(1, files);
        doneBytes.set(0);
        doneFiles.set(0);
        started = System.nanoTime();
        lastDraw = 0;
        draw(true);
    }

    @Override
    public void advance(long bytes) {
        doneBytes.addAndGet(bytes);
        doneFiles.incrementAndGet();
        draw(false);
    }

    @Override
    public void finish() {
        synchronized (err) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        String line = "\r\033[K" + line(phase, Math.min(doneBytes.get(), totalBytes), totalBytes,
                Math.min(doneFiles.get(), totalFiles), totalFiles, (now - started) / 1e9);
        synchronized (err) {
            err.print(line);
            err.flush();
        }
    }

    /** The bar's text: {@code extracting [=====      ]  42%  126/300 files  1.2 MB/s  ETA 0:35}. */
    static String line(String phase, long bytes, long totalBytes, long files, long totalFiles, double seconds) {
        // Small files cost per file, large ones per byte: the share done is the mean of both.
        double done = (bytes / (double) totalBytes + files / (double) totalFiles) / 2;
        int filled = (int) Math.round(WIDTH * done);
        String bar = "=".repeat(filled) + " ".repeat(WIDTH - filled);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s [%s] %3d%%  %,d/%,d files  %s", phase, bar,
                (int) (100 * done), files, totalFiles, rate(bytes, seconds)));
        if (seconds >= 2 && done > 0.01 && done < 1) {
            line.append("  ETA ").append(duration(seconds * (1 - done) / done));
        }
        return line.toString();
    }

    static String rate(long bytes, double seconds) {
        double perSecond = bytes / Math.max(1e-3, seconds);
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB/s", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f KB/s", perSecond / 1e3);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
