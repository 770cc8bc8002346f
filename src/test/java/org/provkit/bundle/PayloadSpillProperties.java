package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The staged payload, spilled to sorted runs and merged: whatever the run size and however many runs are merged at
 * once, what comes back is every entry as it was added, in the order a stable sort by bag path gives (the order the
 * bag's payload is packed and listed in).
 */
class PayloadSpillProperties {

    @Property(tries = 200)
    void givesBackEveryEntrySortedByBagPathWhateverTheRunSizeAndFanIn(@ForAll("entries") List<PayloadEntry> entries,
            @ForAll @IntRange(min = 1, max = 40) int runSize, @ForAll @IntRange(min = 2, max = 5) int fanIn) throws IOException {
        Path folder = Files.createTempDirectory("payload-spill");
        try {
            List<PayloadEntry> back = new ArrayList<>();
            try (PayloadSpill spill = new PayloadSpill(folder, runSize, fanIn)) {
                for (PayloadEntry entry : entries) {
                    spill.add(entry);
                }
                assertThat(spill.count()).isEqualTo(entries.size());
                assertThat(spill.bytes()).isEqualTo(entries.stream().mapToLong(PayloadEntry::size).sum());
                spill.drain(back::add);
            }
            List<PayloadEntry> expected = new ArrayList<>(entries);
            expected.sort(Comparator.comparing(PayloadEntry::bagPath));
            assertThat(back).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertSame(back.get(i), expected.get(i));
            }
            try (var left = Files.list(folder)) {
                assertThat(left.toList()).as("run files removed on close").isEmpty();
            }
        } finally {
            try (var left = Files.list(folder)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(folder);
        }
    }

    @Example
    void writesRunsOnlyPastTheRunSizeAndIsReadOnce() throws IOException {
        Path folder = Files.createTempDirectory("payload-spill");
        try (PayloadSpill spill = new PayloadSpill(folder, 3, 2)) {
            spill.add(entry("data/text/b.txt", "spool-0.bin", 7));
            spill.add(entry("data/records/b.json", "spool-1.bin", 1));
            try (var files = Files.list(folder)) {
                assertThat(files.count()).isZero();
            }
            spill.add(entry("data/text/a.txt", "spool-0.bin", 0));
            spill.add(entry("data/provenance.json", "provenance.json", 0));
            try (var files = Files.list(folder)) {
                assertThat(files.count()).isEqualTo(1);
            }
            List<String> paths = new ArrayList<>();
            spill.drain(e -> paths.add(e.bagPath()));
            assertThat(paths).containsExactly("data/provenance.json", "data/records/b.json", "data/text/a.txt", "data/text/b.txt");
            assertThatThrownBy(() -> spill.drain(e -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> spill.add(entry("data/x", "y", 0))).isInstanceOf(IllegalStateException.class);
        } finally {
            try (var left = Files.list(folder)) {
                assertThat(left.toList()).isEmpty();
            }
            Files.delete(folder);
        }
    }

    private static void assertSame(PayloadEntry actual, PayloadEntry expected) {
        assertThat(actual.bagPath()).isEqualTo(expected.bagPath());
        assertThat(actual.file()).isEqualTo(expected.file());
        assertThat(actual.offset()).isEqualTo(expected.offset());
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.sha256()).isEqualTo(expected.sha256());
        assertThat(actual.sha512()).isEqualTo(expected.sha512());
        assertThat(actual.original()).isEqualTo(expected.original());
    }

    private static PayloadEntry entry(String bagPath, String file, long offset) {
        return new PayloadEntry(bagPath, Path.of(file), offset, 10, new byte[32], new byte[64], false);
    }

    @Provide
    Arbitrary<List<PayloadEntry>> entries() {
        // Few distinct paths (so equal paths, whose order must be kept, come up), any chars in them.
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab/.é").ofMaxLength(4).map(s -> "data/" + s),
                Arbitraries.strings().all().ofMaxLength(20));
        Arbitrary<Path> file = Arbitraries.of(Path.of("spool-0.bin"), Path.of("spool-1.bin"), Path.of("/tmp/a b/provenance.json"));
        Arbitrary<byte[]> sha256 = Arbitraries.bytes().array(byte[].class).ofSize(32);
        Arbitrary<byte[]> sha512 = Arbitraries.bytes().array(byte[].class).ofSize(64);
        Arbitrary<PayloadEntry> entry = Combinators.combine(path, file, Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, 1L << 40), sha256, sha512, Arbitraries.of(true, false))
                .as(PayloadEntry::new);
        return entry.list().ofMaxSize(120);
    }
}
