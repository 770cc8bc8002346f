package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.TestFiles;

/** With SOURCE_DATE_EPOCH set, the same sources give the same bytes outside signature/. */
class ReproducibleBundleTest {

    @TempDir
    Path tmp;

    @Test
    void twoRunsWithTheSameSourceDateEpochGiveIdenticalBytes() throws Exception {
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1767225600", "HOME", tmp.toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString());
        CliRun first = CliRun.child(tmp, env, "bundle", TestFiles.seeds().toString(), "-o", "one", "--no-progress");
        CliRun second = CliRun.child(tmp, env, "bundle", TestFiles.seeds().toString(), "-o", "two", "--no-progress");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();

        Path a = BundleEndToEndTest.list(tmp.resolve("one")).get(0);
        Path b = BundleEndToEndTest.list(tmp.resolve("two")).get(0);
        assertThat(a.getFileName()).isEqualTo(b.getFileName());
        assertThat(a.getFileName().toString()).startsWith("seeds-20260101-");

        Map<String, byte[]> entriesA = TestFiles.tarEntries(a);
        Map<String, byte[]> entriesB = TestFiles.tarEntries(b);
        entriesA.keySet().removeIf(name -> name.contains("/signature/"));
        entriesB.keySet().removeIf(name -> name.contains("/signature/"));
        assertThat(entriesA.keySet()).containsExactlyElementsOf(entriesB.keySet());
        entriesA.forEach((name, bytes) -> assertThat(entriesB.get(name)).as(name).isEqualTo(bytes));
        if (entriesA.size() == TestFiles.tarEntries(a).size()) {
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        }
    }

    @Test
    void unsignedBundlesAreIdenticalToTheByte() throws Exception {
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1767225600");
        for (String format : new String[] {"tar", "tar.gz", "zip"}) {
            CliRun first = CliRun.child(tmp, env, "bundle", TestFiles.seeds().toString(), "-o", "x-" + format, "--no-sign", "--format", format);
            CliRun second = CliRun.child(tmp, env, "bundle", TestFiles.seeds().toString(), "-o", "y-" + format, "--no-sign", "--format", format);
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(second.exitCode()).as(second.err()).isZero();
            Path a = BundleEndToEndTest.list(tmp.resolve("x-" + format)).get(0);
            Path b = BundleEndToEndTest.list(tmp.resolve("y-" + format)).get(0);
            assertThat(Files.readAllBytes(a)).as(format).isEqualTo(Files.readAllBytes(b));
        }
    }
}
