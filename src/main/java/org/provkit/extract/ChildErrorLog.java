package org.provkit.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an extraction child's error output on a daemon thread. Each line is logged at debug level (a
 * parser's chatter); when the child ends without having been told to, its last lines are logged as a
 * warning, since they say why (out of memory, a class that could not be loaded, a JVM crash). The CLI
 * shows logs only with --debug; on a cluster they land in the executor's log. A line longer than
 * {@link #MAX_LINE_BYTES} (a parser that prints a document's bytes) is read past, never held.
 */
final class ChildErrorLog {

    static final int TAIL_LINES = 20;
    static final int MAX_LINE_BYTES = 8192;
    static final String TOO_LONG = "(a line of more than " + MAX_LINE_BYTES + " bytes, not kept)";
    private static final Logger LOG = LoggerFactory.getLogger(ForkedExtractor.class);

    private final long pid;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean stopping;

    private ChildErrorLog(long pid) {
        this.pid = pid;
    }

    /** Starts draining {@code process}'s error stream (it must be a pipe). */
    static ChildErrorLog drain(Process process) {
        ChildErrorLog log = new ChildErrorLog(process.pid());
        Thread reader = new Thread(() -> log.read(process.getErrorStream()), "provkit-extract-stderr-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return log;
    }

    /** The child is being stopped on purpose: its end is no news. */
    void stopping() {
        stopping = true;
    }

    synchronized List<String> tail() {
        return new ArrayList<>(tail);
    }

    void read(InputStream errors) {
        try (BoundedLines lines = new BoundedLines(errors, MAX_LINE_BYTES)) {
            String read;
            while ((read = lines.next()) != null) {
                String line = BoundedLines.TOO_LONG.equals(read) ? TOO_LONG : read;
                LOG.debug("extraction process {}: {}", pid, line);
                synchronized (this) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException e) {
            // the pipe broke: the process is gone, which is reported below as for a normal end
        }
        List<String> last = tail();
        if (!stopping && !last.isEmpty()) {
            LOG.warn("extraction process {} ended; its last error output:\n  {}", pid, String.join("\n  ", last));
        }
    }
}
