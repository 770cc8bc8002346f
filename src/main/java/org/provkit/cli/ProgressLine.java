package org.provkit.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** A one-line progress display on standard error ({@code \r}-redrawn), for terminals only. */
final class ProgressLine {

    private static final long INTERVAL_MILLIS = 200;

    private final Thread thread;
    private final PrintStream err;
    private volatile boolean running = true;
    private volatile boolean drawn;

    private ProgressLine(PrintStream err, String label, AtomicLong done, AtomicLong total) {
        this.err = err;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long all = total.get();
                if (!running || all <= 0) {
                    continue;
                }
                long now = Math.min(done.get(), all);
                err.print(String.format("\rverifying %s  %3d%%  %,d / %,d MB ", label, now * 100 / all, now >> 20, all >> 20));
                err.flush();
                drawn = true;
            }
        }, "provkit-progress");
        thread.setDaemon(true);
    }

    static ProgressLine start(PrintStream err, String label, AtomicLong done, AtomicLong total) {
        ProgressLine line = new ProgressLine(err, label, done, total);
        line.thread.start();
        return line;
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
