package org.provkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provkit.catalog.TestBundles.doc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;

/**
 * {@code provkit search} finds Chinese, Japanese and Korean words inside the clauses that hold them (no spaces
 * between words; Korean particles attached), one test per script, and keeps word matching for the others.
 */
class CjkSearchTest {

    @TempDir
    Path tmp;
    Path archives;

    @BeforeEach
    void collection() throws IOException {
        archives = Files.createDirectories(tmp.resolve("archives"));
        TestBundles.writeTar(archives, "cjk-20261128-aa11bb", List.of(
                doc("news/zh.txt", "中国与古巴签署新的合作协议", "zh",
                        "新华社哈瓦那电 中国与古巴签署新的合作协议。两国将加强经济合作。\n", List.of(), List.of()),
                doc("news/ja.txt", "日本とキューバが協定に署名", "ja",
                        "共同通信によると、日本とキューバは新しい協力協定に署名した。\n", List.of(), List.of()),
                doc("news/ko.txt", "한국과 쿠바, 새 협력 협정 서명", "ko",
                        "연합뉴스에 따르면 한국과 쿠바는 새로운 협력 협정에 서명했다.\n", List.of(), List.of()),
                doc("news/fr.txt", "La coopération avec Cuba", "fr",
                        "La coopération entre la Chine et Cuba se renforce. Cubain, cubaine.\n", List.of(), List.of())));
        assertThat(CliRun.inProcess("audit", archives.toString()).exitCode()).isZero();
    }

    private CliRun search(String... words) {
        String[] args = new String[words.length + 3];
        args[0] = "search";
        args[1] = "--archives";
        args[2] = archives.toString();
        System.arraycopy(words, 0, args, 3, words.length);
        return CliRun.inProcess(args);
    }

    @Test
    void chineseWordInsideAClause() {
        CliRun run = search("古巴");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 result").contains("news/zh.txt").contains("[古巴]")
                .doesNotContain(String.valueOf(SearchText.SEPARATOR));
        assertThat(search("巴古").out()).as("the characters in another order are no match").startsWith("No document matches");
        assertThat(search("合作", "古巴").out()).contains("news/zh.txt");
    }

    @Test
    void japaneseKatakanaAndKanjiWords() {
        assertThat(search("キューバ").out()).contains("1 result").contains("news/ja.txt").contains("[キューバ]");
        assertThat(search("協定").out()).contains("news/ja.txt").doesNotContain("news/zh.txt");
        assertThat(search("--phrase", "協力協定").out()).contains("news/ja.txt");
    }

    @Test
    void koreanWordWithAParticleAttached() {
        CliRun run = search("쿠바");
        assertThat(run.out()).contains("1 result").contains("news/ko.txt").contains("[쿠바]");
        assertThat(search("협정").out()).contains("news/ko.txt");
    }

    @Test
    void otherScriptsStillMatchWordByWord() {
        assertThat(search("Cuba").out()).contains("news/fr.txt").doesNotContain("news/zh.txt");
        assertThat(search("cooperation").out()).as("accents ignored").contains("news/fr.txt");
        assertThat(search("Cub").out()).as("no substring match without a *").startsWith("No document matches");
        assertThat(search("Cub*").out()).contains("news/fr.txt");
        assertThat(search("--fts", "古巴 OR キューバ").out()).contains("news/zh.txt").contains("news/ja.txt");
    }
}
