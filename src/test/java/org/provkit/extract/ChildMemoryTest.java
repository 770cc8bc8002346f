package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provkit.TestFiles;

/** Extraction children are sized to the run's work: their heap, and how many run at once. */
class ChildMemoryTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            // largest file (bytes), threads, heap MB, children
            "0, 2, 192, 2",
            "4000000, 2, 192, 2",
            "5242880, 2, 216, 1",
            "10485760, 2, 336, 1",
            "104857600, 2, 1024, 1",
            "10737418240, 8, 1024, 1",
            "1000, 1, 192, 1",
            "1000, 4, 192, 2"})
    void theHeapFollowsTheLargestFileAndTheChildrenFitTheBudget(long largest, int threads, int heap, int children) {
        ChildMemory memory = ChildMemory.forWork(largest, threads);
        assertThat(memory).isEqualTo(new ChildMemory(heap, children));
        assertThat(memory.children() == 1
                || memory.children() * (memory.heapMb() + ChildMemory.NON_HEAP_MB) <= ChildMemory.BUDGET_MB).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aChildStartsSmallWithTheSizedHeapAndTheirNumberIsCapped() throws Exception {
        try (ForkedExtractor extractor = new ForkedExtractor(ForkedExtractor.Settings.defaults(2))) {
            extractor.expect(100, 500L << 20, ChildMemory.forWork(50L << 20, 2));
            assertThat(extractor.maxChildren()).isEqualTo(1);
            Extraction extraction = extractor.extract(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"), tmp.resolve("t.txt"));
            assertThat(extraction.status()).isEqualTo(Extraction.Status.OK);
            // ProcessHandle.Info leaves the arguments out of a command line this long: read Linux's own record
            List<String> arguments = new java.util.ArrayList<>();
            for (ProcessHandle child : ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList()) {
                byte[] line = java.nio.file.Files.readAllBytes(Path.of("/proc", Long.toString(child.pid()), "cmdline"));
                arguments.addAll(List.of(new String(line, java.nio.charset.StandardCharsets.UTF_8).split("\u0000")));
            }
            assertThat(arguments).contains("-Xmx1024m", "-Xms32m").doesNotContain("-Xmx512m");
        }
    }
}
