package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provkit.TestFiles;

/** What is parsed in provkit's own JVM, and that it gives exactly what the isolated child JVM gives. */
class RoutingExtractorTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "text/plain, 1000, true",
            "text/html, 4194304, true",
            "application/xhtml+xml, 20, true",
            "text/html, 4194305, false",
            "text/plain, 67108864, false",
            "application/octet-stream, 10737418240, true",
            "application/pdf, 0, true",
            "application/pdf, 10, false",
            "application/xml, 10, false",
            "application/zip, 10, false",
            "message/rfc822, 10, false",
            "image/jpeg, 10, false"})
    void onlyTextHtmlEmptyAndParserlessFilesStayInProcess(String type, long size, boolean inProcess) {
        assertThat(RoutingExtractor.inProcess(type, size)).isEqualTo(inProcess);
    }

    @ParameterizedTest
    @CsvSource({
            "report.pdf, 10, true",
            "REPORT.PDF, 10, true",
            "letter.docx, 10, true",
            "sheet.ods, 10, true",
            "photo.JPG, 10, true",
            "feed.xml, 10, true",
            "notes.md, 10, true",
            "table.csv, 10, false",
            "article.txt, 1000, false",
            "page.html, 4194304, false",
            "huge.txt, 4194305, true",
            "blob.bin, 10737418240, false",
            "README, 10, false",
            "archive.tar.gz, 10, true"})
    void theNameSaysWhetherAChildWillProbablyBeNeeded(String name, long size, boolean forked) {
        assertThat(RoutingExtractor.likelyForked(name, size)).isEqualTo(forked);
    }

    @Test
    void inProcessExtractionEqualsTheChildJvmsForTextAndHtml() throws Exception {
        List<Path> files = List.of(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"),
                Path.of("src/test/resources/samples/en_afp_site.html"), Path.of("src/test/resources/samples/es_pl_cubadebate.txt"),
                Path.of("src/test/resources/realistic/f_page.html"), Path.of("src/test/resources/realistic/b_fr.txt"));
        ForkedExtractor.Settings settings = ForkedExtractor.Settings.defaults(1);
        try (ForkedExtractor forked = new ForkedExtractor(settings);
                RoutingExtractor routing = new RoutingExtractor(settings.limits(), new ForkedExtractor(settings))) {
            int i = 0;
            for (Path file : files) {
                Extraction child = forked.extract(file, tmp.resolve("child-" + i + ".txt"));
                Extraction here = routing.extract(file, tmp.resolve("here-" + i + ".txt"));
                assertThat(here).as(file.toString()).isEqualTo(child);
                assertThat(Files.readAllBytes(tmp.resolve("here-" + i + ".txt"))).isEqualTo(Files.readAllBytes(tmp.resolve("child-" + i + ".txt")));
                i++;
            }
        }
    }
}
