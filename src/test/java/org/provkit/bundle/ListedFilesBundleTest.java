package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.TestFiles;

/** Bundling files listed by the caller (the Spark jobs' seam) gives what bundling their folder gives. */
class ListedFilesBundleTest {

    @TempDir
    Path tmp;

    @Test
    void listedFilesGiveTheSameBytesAsTheScannedFolderAndTheTagManifestDigest() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus/sub"));
        Files.writeString(corpus.resolve("b.txt"), "Source: Prensa Latina\nsecond\n");
        Files.writeString(corpus.getParent().resolve("a.txt"), "first article\n");
        Files.write(corpus.getParent().resolve("_empty"), new byte[0]);
        Path folder = corpus.getParent();

        BundleResult scanned = new BundleService(ProgressListener.NONE).bundle(request(List.of(folder), tmp.resolve("one")));
        // Elsewhere on disk (a fetched copy), in another order: only the recorded paths and the files' own
        // names (Tika records the name as resourceName) matter.
        Path copies = Files.createDirectories(tmp.resolve("copies"));
        List<SourceFile> listed = List.of(
                copy(folder.resolve("sub/b.txt"), copies.resolve("1"), "corpus/sub/b.txt"),
                copy(folder.resolve("a.txt"), copies.resolve("2"), "corpus/a.txt"),
                copy(folder.resolve("_empty"), copies.resolve("3"), "corpus/_empty"));
        BundleResult fromList = new BundleService(ProgressListener.NONE)
                .bundle(request(List.of(), tmp.resolve("two")), SourceScanner.of(listed));

        Map<String, byte[]> expected = TestFiles.tarEntries(scanned.bundle());
        Map<String, byte[]> actual = TestFiles.tarEntries(fromList.bundle());
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(new String(actual.get(name), StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
        assertThat(Files.readAllBytes(fromList.bundle())).isEqualTo(Files.readAllBytes(scanned.bundle()));
        assertThat(fromList.documents()).isEqualTo(3);
        byte[] tagManifest = TestFiles.tarEntries(scanned.bundle()).get("shard-1/tagmanifest-sha512.txt");
        assertThat(scanned.tagManifestSha512())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(tagManifest)))
                .isEqualTo(fromList.tagManifestSha512());
    }

    @Test
    void listedFilesNeedAName() {
        BundleRequest unnamed = new BundleRequest(List.of(), tmp, null, BundleFormat.TAR, null, null, Optional.empty(),
                Instant.EPOCH, true, null, 1);
        assertThatThrownBy(() -> new BundleService(ProgressListener.NONE).bundle(unnamed, SourceScanner.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listedFilesAreSortedAndTheirCollisionsNoted() {
        SourceScanner.Result result = SourceScanner.of(List.of(
                new SourceFile(tmp.resolve("x"), "c/Read.txt", 1), new SourceFile(tmp.resolve("y"), "c/read.txt", 1),
                new SourceFile(tmp.resolve("z"), "c/A.txt", 1)));
        assertThat(result.files()).extracting(SourceFile::recordedPath).containsExactly("c/A.txt", "c/Read.txt", "c/read.txt");
        assertThat(result.notes()).isNotEmpty();
    }

    private static SourceFile copy(Path file, Path folder, String recorded) throws Exception {
        Path copy = Files.createDirectories(folder).resolve(file.getFileName().toString());
        Files.copy(file, copy);
        return new SourceFile(copy, recorded, Files.size(copy));
    }

    private static BundleRequest request(List<Path> sources, Path out) {
        return new BundleRequest(sources, out, "shard-1", BundleFormat.TAR, "Example Archive", null, Optional.empty(),
                Instant.parse("2026-01-01T00:00:00Z"), true, null, 2);
    }
}
