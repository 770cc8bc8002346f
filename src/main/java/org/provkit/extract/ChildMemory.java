package org.provkit.extract;

import java.util.List;

/**
 * How much memory the extraction children of one run may take: each child's heap, sized to the largest
 * file that may be sent to one, and how many children run at once, so that together they stay within a
 * budget. Each child starts with a small heap that grows only as its files need, and gives memory back
 * after a file that needed much ({@link ExtractionWorker}); so a collection of small office files keeps
 * its children near their start size, while one large PDF still gets the heap it needs.
 *
 * @param heapMb   each child's maximum heap ({@code -Xmx})
 * @param children at most this many children at once (at least one)
 */
public record ChildMemory(int heapMb, int children) {

    /** Enough for every file of Apache Tika's test documents (1,155 files, the largest 3.9 MB) but one fuzzed file. */
    static final int MIN_HEAP_MB = 192;
    static final int MAX_HEAP_MB = 1024;
    /** Heap per MB of the largest file, above {@link #BASE_HEAP_MB}: office formats and PDFs expand in memory. */
    static final int HEAP_PER_FILE_MB = 24;
    static final int BASE_HEAP_MB = 96;
    /** What a child holds besides its heap: classes, compiled code, threads, the JVM itself (measured: 140 MB). */
    static final int NON_HEAP_MB = 150;
    /** For all children together: with the main JVM's 300-400 MB, the process tree stays within about 1 GB. */
    static final int BUDGET_MB = 700;
    /** Each child's starting heap; it grows as files need. */
    static final int START_HEAP_MB = 32;

    public ChildMemory {
        if (heapMb <= 0 || children <= 0) {
            throw new IllegalArgumentException("heap and children must be positive: " + heapMb + ", " + children);
        }
    }

    /** For a run whose largest file that may go to a child has {@code largestFile} bytes, on {@code threads} threads. */
    public static ChildMemory forWork(long largestFile, int threads) {
        long fileMb = (largestFile + (1 << 20) - 1) >> 20;
        int heap = (int) Math.max(MIN_HEAP_MB, Math.min(MAX_HEAP_MB, BASE_HEAP_MB + HEAP_PER_FILE_MB * fileMb));
        int fit = BUDGET_MB / (heap + NON_HEAP_MB);
        return new ChildMemory(heap, Math.max(1, Math.min(Math.max(1, threads), fit)));
    }

    /** The JVM options that give a child this heap: small at first, growing as needed, returned when free. */
    List<String> jvmOptions() {
        return List.of("-Xms" + START_HEAP_MB + "m", "-Xmx" + heapMb + "m", "-XX:MaxHeapFreeRatio=40", "-XX:MinHeapFreeRatio=15");
    }
}
