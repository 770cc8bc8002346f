package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The run's warnings, held as numbers, read back as the warnings they were, in order. */
class WarningListTest {

    @Test
    void givesBackEachWarningInTheOrderItCame() {
        WarningList list = new WarningList();
        List<DocumentWarning> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String path = "crawl.warc.gz/" + (i / 2) + ".html";
            String message = i % 2 == 0 ? "some lines longer than 8192 characters were analysed only in part"
                    : "language not detectable (" + (i % 7) + ")";
            list.add(path, message);
            expected.add(new DocumentWarning(path, message));
        }
        list.add(null, "no path");
        expected.add(new DocumentWarning(null, "no path"));
        list.add("a\uD800", null);
        expected.add(new DocumentWarning("a\uD800", null));
        assertThat(list).containsExactlyElementsOf(expected);
        assertThat(list.size()).isEqualTo(1002);
        assertThat(List.copyOf(list)).isEqualTo(expected);
        assertThatThrownBy(() -> list.get(1002)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.set(0, expected.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}
