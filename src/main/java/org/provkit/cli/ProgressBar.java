package org.provkit.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.provkit.bundle.ProgressListener;

/** A one-line progress bar on standard error, redrawn at most ten times a second. Terminal only. */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private final PrintStream err;
    private final AtomicLong done = new AtomicLong();
    private volatile String phase = "";
    private volatile long total;
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
    public void start(String name, long totalAmount) {
        phase = name;
        total = Math.max(1, totalAmount);
        done.set(0);
        started = System.nanoTime();
        lastDraw = 0;
        draw(true);
    }

    @Override
    public void advance(long amount) {
        done.addAndGet(amount);
        draw(false);
    }

    @Override
    public void finish() {
        draw(true);
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
        long current = Math.min(done.get(), total);
        int filled = (int) (WIDTH * current / total);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String line = String.format(Locale.ROOT, "\r%-10s [%s%s] %3d%% %8.1f MB/s", phase, "=".repeat(filled),
                " ".repeat(WIDTH - filled), 100 * current / total, current / seconds / 1e6);
        synchronized (err) {
            err.print(line);
            err.flush();
        }
    }
}
