package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChildErrorLogTest {

    @Test
    void theLastLinesOfAChildsErrorOutputAreKept() throws Exception {
        ChildErrorLog log = drained("for i in $(seq 1 30); do echo \"line $i\" >&2; done", "line 30");
        assertThat(log.tail()).containsExactlyElementsOf(
                IntStream.rangeClosed(30 - ChildErrorLog.TAIL_LINES + 1, 30).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void aHugeLineIsReadPastAndNamedNotHeld() throws Exception {
        // 64 MiB without a line end, as a parser printing a document's bytes would write
        ChildErrorLog log = drained("echo before >&2; head -c 67108864 /dev/zero | tr '\\0' x >&2; echo >&2; echo after >&2", "after");
        assertThat(log.tail()).containsExactly("before", ChildErrorLog.TOO_LONG, "after");
    }

    static ChildErrorLog drained(String script, String lastLine) throws Exception {
        Process child = new ProcessBuilder("sh", "-c", script).start();
        ChildErrorLog log = ChildErrorLog.drain(child);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!log.tail().contains(lastLine) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return log;
    }
}
