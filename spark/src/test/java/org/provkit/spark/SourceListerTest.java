package org.provkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ProvkitException;

class SourceListerTest {

    @TempDir
    Path tmp;

    @Test
    void recordsPathsAsProvkitBundleKeepingEmptyDotAndUnderscoreFiles() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("a/corpus/sub"));
        Files.writeString(corpus.resolve("x.txt"), "x");
        Files.write(corpus.getParent().resolve("empty"), new byte[0]);
        Files.writeString(corpus.getParent().resolve("_SUCCESS"), "not Spark's");
        Files.writeString(corpus.getParent().resolve(".dot"), "d");
        Path other = Files.createDirectories(tmp.resolve("b/corpus"));
        Files.writeString(other.resolve("y.txt"), "yy");
        Path single = Files.writeString(tmp.resolve("single.html"), "<p>s</p>");
        Files.createSymbolicLink(corpus.resolve("link.txt"), corpus.resolve("x.txt"));
        new ProcessBuilder("mkfifo", corpus.resolve("fifo").toString()).start().waitFor();

        SourceLister.Listing listing = new SourceLister(new Configuration())
                .list(List.of(corpus.getParent().toString(), other.toString(), single.toUri().toString()));
        assertThat(listing.files()).extracting(SourceEntry::recordedPath).containsExactly(
                "corpus-2/y.txt", "corpus/.dot", "corpus/_SUCCESS", "corpus/empty", "corpus/sub/x.txt", "single.html");
        assertThat(listing.files()).filteredOn(f -> f.recordedPath().equals("corpus-2/y.txt")).singleElement()
                .satisfies(f -> assertThat(f.size()).isEqualTo(2)).satisfies(f -> assertThat(f.uri()).startsWith("file:/"));
        assertThat(listing.notes()).anyMatch(n -> n.startsWith("corpus/sub/link.txt: symbolic link"))
                .anyMatch(n -> n.startsWith("corpus/sub/fifo: not a regular file"));
    }

    @Test
    void inputListsAddInputsAndAMissingInputSaysWhich() throws Exception {
        Path list = Files.writeString(tmp.resolve("inputs.txt"), "# the 2024 crawl\n" + tmp.resolve("one") + "\n\n");
        SourceLister lister = new SourceLister(new Configuration());
        assertThat(lister.inputs(List.of("x"), List.of(list.toString()))).containsExactly("x", tmp.resolve("one").toString());
        assertThatThrownBy(() -> lister.list(List.of(tmp.resolve("one").toString())))
                .isInstanceOf(ProvkitException.class).hasMessageEndingWith("one: no such file or folder");
        assertThatThrownBy(() -> lister.inputs(null, null)).isInstanceOf(ProvkitException.class).hasMessageContaining("--input");
    }
}
