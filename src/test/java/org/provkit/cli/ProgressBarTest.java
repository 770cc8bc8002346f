package org.provkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundle progress line: files done of all, a readable speed for small files, and the time left. */
class ProgressBarTest {

    @Test
    void showsFilesAndAnEtaOnceTheRateIsKnown() {
        String early = ProgressBar.line("extracting", 10_000, 1_000_000, 1, 300, 0.5);
        assertThat(early).contains("1/300 files").doesNotContain("ETA");
        String line = ProgressBar.line("extracting", 500_000, 1_000_000, 150, 300, 10);
        assertThat(line).contains(" 50%").contains("150/300 files").contains("50 KB/s").contains("ETA 0:10");
        assertThat(ProgressBar.line("packing", 2_000_000_000L, 4_000_000_000L, 1, 2, 1)).contains("2000.0 MB/s");
    }

    @Test
    void smallFilesNoLongerShowZeroMegabytesASecond() {
        assertThat(ProgressBar.rate(3_200, 1)).isEqualTo("3 KB/s");
        assertThat(ProgressBar.duration(3725)).isEqualTo("1:02:05");
        assertThat(ProgressBar.duration(65)).isEqualTo("1:05");
    }
}
