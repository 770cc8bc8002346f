package org.provkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.provkit.catalog.TestBundles.doc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.ExitCode;
import org.provkit.TestFiles;

/**
 * Where audit and search write: never in a folder that holds no bundle; the catalog elsewhere with
 * {@code --catalog}; search only reads; archives on read-only storage can be audited and searched.
 */
class CatalogPlacesTest {

    @TempDir
    Path tmp;

    private Path collection() throws IOException {
        Path archives = Files.createDirectories(tmp.resolve("archives"));
        TestBundles.writeTar(archives, "seeds-20261128-3f9a2c", List.of(doc("seeds/a.txt", "Xi Jinping ratifie l'amitié", "fr",
                "Miguel Díaz-Canel et Xi Jinping.\n", List.<String[]>of(new String[] {"Prensa Latina", "origin", "true"}),
                List.of())));
        return archives;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void auditOrSearchOfAFolderOfSourcesWritesNothingAndSaysWhatItHolds() throws IOException {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.copy(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"), seeds.resolve("article.txt"));
        for (String[] args : List.of(new String[] {"audit", seeds.toString()},
                new String[] {"search", "--archives", seeds.toString(), "Cuba"})) {
            CliRun run = CliRun.inProcess(args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNREADABLE);
            assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
            assertThat(run.err()).contains("no bundle in " + seeds).contains("1 other file").contains("provkit bundle " + seeds);
            assertThat(names(seeds)).containsExactly("article.txt");
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun run = CliRun.inProcess("audit", empty.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(run.err()).contains("no bundle in " + empty + " yet");
        assertThat(names(empty)).isEmpty();
    }

    @Test
    void theCatalogCanLiveElsewhereAndTheArchivesFolderIsLeftAlone() throws IOException {
        Path archives = collection();
        List<String> before = names(archives);
        Path catalog = tmp.resolve("catalogs/archive.sqlite");
        Files.createDirectories(catalog.getParent());

        CliRun audit = CliRun.inProcess("audit", archives.toString(), "--catalog", catalog.toString());
        assertThat(audit.exitCode()).as(audit.err()).isEqualTo(ExitCode.OK);
        assertThat(audit.out()).contains("Catalog " + catalog);
        assertThat(names(archives)).isEqualTo(before);
        assertThat(catalog).isRegularFile();

        CliRun search = CliRun.inProcess("search", "--archives", archives.toString(), "--catalog", catalog.toString(), "Díaz");
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).contains("seeds/a.txt");
        assertThat(names(archives)).isEqualTo(before);
    }

    @Test
    void searchNeverWritesTheCatalog() throws IOException {
        Path archives = collection();
        assertThat(CliRun.inProcess("audit", archives.toString()).exitCode()).isZero();
        Path catalog = Catalog.fileIn(archives);
        byte[] bytes = Files.readAllBytes(catalog);
        FileTime time = Files.getLastModifiedTime(catalog);
        CliRun search = CliRun.inProcess("search", "--archives", archives.toString(), "Jinping");
        assertThat(search.exitCode()).isZero();
        assertThat(Files.readAllBytes(catalog)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(catalog)).isEqualTo(time);
    }

    @Test
    void archivesOnReadOnlyStorageAreAuditedAndSearchedWithACatalogElsewhere() throws Exception {
        Path archives = collection();
        Path catalog = tmp.resolve("mine.sqlite");
        Map<String, String> env = Map.of();

        CliRun refused = CliRun.childWithReadOnly(archives, tmp, env, "audit", archives.toString());
        assumeThat(refused).as("a folder can be made read-only here").isNotNull();
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(refused.errIsOnePlainLine()).as(refused.err()).isTrue();
        assertThat(refused.err()).contains("cannot create the catalog " + Catalog.fileIn(archives)).contains("--catalog FILE");

        CliRun audit = CliRun.childWithReadOnly(archives, tmp, env, "audit", archives.toString(), "--catalog", catalog.toString());
        assertThat(audit.exitCode()).as(audit.err()).isEqualTo(ExitCode.OK);
        CliRun search = CliRun.childWithReadOnly(archives, tmp, env, "search", "--archives", archives.toString(), "--catalog",
                catalog.toString(), "Jinping");
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).contains("seeds/a.txt");

        // a catalog made while the folder could be written is read in place once it cannot
        assertThat(CliRun.inProcess("audit", archives.toString()).exitCode()).isZero();
        CliRun inPlace = CliRun.childWithReadOnly(archives, tmp, env, "search", "--archives", archives.toString(), "Jinping");
        assertThat(inPlace.exitCode()).as(inPlace.err()).isZero();
        assertThat(inPlace.out()).contains("seeds/a.txt");
        CliRun unchanged = CliRun.childWithReadOnly(archives, tmp, env, "audit", archives.toString());
        assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
        assertThat(unchanged.out()).contains("0 verified and indexed, 1 unchanged");
    }
}
