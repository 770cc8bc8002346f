package org.provkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SharderTest {

    private static SourceEntry file(String path, long size) {
        return new SourceEntry("file:/in/" + path, path, size);
    }

    private static List<List<String>> paths(List<Shard> shards) {
        return shards.stream().map(s -> s.files().stream().map(SourceEntry::recordedPath).toList()).toList();
    }

    @Test
    void aFlatFolderIsCutBetweenItsFiles() {
        List<SourceEntry> files = IntStream.range(0, 2000).mapToObj(i -> file(String.format("corpus/%04d.txt", i), 10)).toList();
        List<Shard> shards = Sharder.cut("c", files, 500, Long.MAX_VALUE);
        assertThat(shards).hasSize(4).allSatisfy(s -> assertThat(s.files()).hasSize(500));
        assertThat(shards).extracting(Shard::name).containsExactly("c-00001", "c-00002", "c-00003", "c-00004");
        assertThat(shards.get(1).files().get(0).recordedPath()).isEqualTo("corpus/0500.txt");
    }

    @Test
    void foldersThatFitStayWholeAndAreNotSplitAcrossShards() {
        List<SourceEntry> files = new ArrayList<>();
        for (String folder : List.of("a", "b", "c")) {
            for (int i = 0; i < 3; i++) {
                files.add(file("site/" + folder + "/" + i + ".html", 10));
            }
        }
        // 4 per shard: each folder of 3 fits, two never share a shard past the limit.
        assertThat(paths(Sharder.cut("c", files, 4, Long.MAX_VALUE))).containsExactly(
                List.of("site/a/0.html", "site/a/1.html", "site/a/2.html"),
                List.of("site/b/0.html", "site/b/1.html", "site/b/2.html"),
                List.of("site/c/0.html", "site/c/1.html", "site/c/2.html"));
        assertThat(Sharder.cut("c", files, 6, Long.MAX_VALUE)).hasSize(2);
        assertThat(Sharder.cut("c", files, 9, Long.MAX_VALUE)).hasSize(1);
    }

    @Test
    void aPageStaysWithItsSavedAssetsFolder() {
        List<SourceEntry> files = List.of(file("s/a.html", 1), file("s/a_files/x.png", 1), file("s/a_files/y.css", 1),
                file("s/b.html", 1), file("s/b-Dateien/z.png", 1), file("s/c.html", 1));
        assertThat(paths(Sharder.cut("c", files, 3, Long.MAX_VALUE))).containsExactly(
                List.of("s/a.html", "s/a_files/x.png", "s/a_files/y.css"),
                List.of("s/b-Dateien/z.png", "s/b.html", "s/c.html"));
    }

    @Test
    void aFolderOverTheLimitIsCutAtTheNextLevel() {
        List<SourceEntry> files = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> files.add(file("big/" + i + ".txt", 1)));
        files.add(file("small/x.txt", 1));
        assertThat(paths(Sharder.cut("c", files, 2, Long.MAX_VALUE))).containsExactly(
                List.of("big/0.txt", "big/1.txt"), List.of("big/2.txt", "big/3.txt"), List.of("big/4.txt", "small/x.txt"));
    }

    @Test
    void bytesLimitShardsTooAndAFileOverItIsAShardAlone() {
        List<SourceEntry> files = List.of(file("d/a", 40), file("d/b", 40), file("d/c", 500), file("d/d", 10));
        assertThat(paths(Sharder.cut("c", files, 100, 100))).containsExactly(
                List.of("d/a", "d/b"), List.of("d/c"), List.of("d/d"));
    }

    @Test
    void webArchivesAreAShardEach() {
        List<SourceEntry> files = List.of(file("crawl/a.warc.gz", 5), file("crawl/b.WARC", 5), file("crawl/c.wacz", 5),
                file("crawl/notes.txt", 1), file("crawl/readme.txt", 1));
        assertThat(paths(Sharder.cut("c", files, 100, Long.MAX_VALUE))).containsExactly(
                List.of("crawl/a.warc.gz"), List.of("crawl/b.WARC"), List.of("crawl/c.wacz"),
                List.of("crawl/notes.txt", "crawl/readme.txt"));
    }

    @Test
    void theSameFilesInAnyOrderGiveTheSameShards() {
        List<SourceEntry> files = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> files.add(file("x/" + (i % 7) + "/" + i, i)));
        List<Shard> first = Sharder.cut("c", files, 8, 300);
        java.util.Collections.reverse(files);
        assertThat(Sharder.cut("c", files, 8, 300)).isEqualTo(first);
        assertThat(first.stream().mapToInt(s -> s.files().size()).sum()).isEqualTo(50);
        assertThat(first).allSatisfy(s -> assertThat(s.files().size()).isLessThanOrEqualTo(8));
    }
}
