package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChildErrorLogTest {

    @Test
    void theLastLinesOfAChildsErrorOutputAreKept() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "for i in $(seq 1 30); do echo \"line $i\" >&2; done").start();
        ChildErrorLog log = ChildErrorLog.drain(child);
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!log.tail().contains("line 30") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(log.tail()).containsExactlyElementsOf(
                IntStream.rangeClosed(30 - ChildErrorLog.TAIL_LINES + 1, 30).mapToObj(i -> "line " + i).toList());
    }
}
