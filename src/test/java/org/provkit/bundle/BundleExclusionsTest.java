package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.ExitCode;
import org.provkit.TestFiles;
import org.provkit.catalog.TestBundles;

/**
 * bundle leaves out of the folders it walks its own output folder, bundles and catalogs, each with a note;
 * what is named on the command line, and archives that are no bag, are bundled as before.
 */
class BundleExclusionsTest {

    @TempDir
    Path tmp;

    private static List<String> payload(Path tar) {
        // the bag's own originals (NAME/data/originals/…), not the members a container among them may hold
        return TestFiles.tarEntries(tar).keySet().stream().filter(n -> n.matches("[^/]+/data/originals/.*"))
                .map(n -> n.substring(n.indexOf("/data/originals/") + "/data/originals/".length())).sorted().toList();
    }

    private static Path only(Path folder, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    @Test
    void bundlingTheCurrentFolderTwiceLeavesItsOwnOutputFolderOut() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.copy(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"), Files.createDirectories(project.resolve("seeds"))
                .resolve("article.txt"));
        // as "bundle ." twice in the project folder, whose output folder is ./archives
        Path out = project.resolve("archives");
        CliRun first = CliRun.inProcess("bundle", project.toString(), "-o", out.toString(), "--no-sign", "--name", "first");
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRun second = CliRun.inProcess("bundle", project.toString(), "-o", out.toString(), "--no-sign", "--name", "second");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("note: project/archives: left out: the output folder");
        assertThat(payload(project.resolve("archives/second.tar"))).containsExactly("project/seeds/article.txt");
    }

    @Test
    void bundlesCatalogsAndTemporaryFilesFoundInASourceFolderAreLeftOutWithANote() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(sources.resolve("article.txt"), "PARIS (AFP) - An article.\n");
        List<TestBundles.Doc> docs = List.of(TestBundles.doc("seeds/a.txt", "A", "en", "Text.\n", List.of(), List.of()));
        TestBundles.writeTar(sources, "old-20261128-aaaaaa", docs);
        TestBundles.writeTarGz(sources, "older-20261128-bbbbbb", docs);
        TestBundles.writeZip(sources, "oldest-20261128-cccccc", docs);
        TestBundles.writeDirectory(sources, "folder-bag", docs);
        assertThat(CliRun.inProcess("audit", sources.toString(), "-q").exitCode()).isZero();
        Files.writeString(sources.resolve("catalog.sqlite-wal"), "");
        Files.writeString(sources.resolve(".provkit-tmp-999999-1-staging"), "left by a crash");
        // archives that are no bag are documents like any other
        try (OutputStream out = Files.newOutputStream(sources.resolve("photos.zip")); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("photos/data/readme.txt"));
            zip.write("not a bag".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path out = tmp.resolve("archives");

        CliRun run = CliRun.inProcess("bundle", sources.toString(), "-o", out.toString(), "--no-sign", "--name", "mixed");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(payload(out.resolve("mixed.tar"))).containsExactly("mixed/article.txt", "mixed/photos.zip");
        assertThat(run.err()).contains("note: mixed/old-20261128-aaaaaa.tar: left out: a bundle")
                .contains("note: mixed/older-20261128-bbbbbb.tar.gz: left out: a bundle")
                .contains("note: mixed/oldest-20261128-cccccc.zip: left out: a bundle")
                .contains("note: mixed/folder-bag: left out: a BagIt bag")
                .contains("note: mixed/catalog.sqlite: left out: a provkit catalog")
                .contains("note: mixed/catalog.sqlite-wal: left out: a provkit catalog")
                .contains("note: mixed/.provkit-tmp-999999-1-staging: left out: a temporary or lock file");
        assertThat(CliRun.isPlain(run.err())).isTrue();

        CliRun named = CliRun.inProcess("bundle", sources.resolve("old-20261128-aaaaaa.tar").toString(), "-o", out.toString(),
                "--no-sign", "--name", "named");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(payload(out.resolve("named.tar"))).as("a bundle named on the command line is bundled as asked")
                .containsExactly("old-20261128-aaaaaa.tar");
    }

    @Test
    void bundlingTheOutputFolderItselfSaysWhyThereIsNothingToBundle() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("archives"));
        TestBundles.writeTar(out, "seeds-20261128-aaaaaa", List.of(TestBundles.doc("seeds/a.txt", "A", "en", "Text.\n",
                List.of(), List.of())));
        CliRun run = CliRun.inProcess("bundle", out.toString(), "-o", out.toString(), "--no-sign");
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("no files to bundle").contains("left out: the output folder");
        assertThat(only(out, ".tar").getFileName().toString()).isEqualTo("seeds-20261128-aaaaaa.tar");
    }

    @Test
    void manyNotesArePrintedByKind() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("shelf"));
        Files.writeString(sources.resolve("article.txt"), "An article.\n");
        for (int i = 0; i < 30; i++) {
            TestBundles.writeTar(sources, "b" + i, List.of(TestBundles.doc("x/a.txt", "A", "en", "Text.\n", List.of(), List.of())));
        }
        CliRun run = CliRun.inProcess("bundle", sources.toString(), "-o", tmp.resolve("out").toString(), "--no-sign");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("note: 30 files: left out: a bundle").contains("note: 30 notes in all");
        assertThat(run.err().lines().filter(line -> line.startsWith("note:")).count()).as(run.err()).isEqualTo(2);
    }
}
