package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provkit.catalog.TestBundles.doc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.TestBundles;

/** The HTML report's page: documents grouped by bundle, links, dates, bundle-time warnings by kind, escaping. */
class HtmlReportTest {

    @TempDir
    Path archives;

    private String page() {
        AuditReport report = new AuditService(TestBundles::manifestCheck).run(new AuditService.Options(archives, null, false, 2),
                CatalogUpdater.Progress.NONE);
        return HtmlReport.render(report);
    }

    private static TestBundles.Doc warned(String path, String... warnings) {
        TestBundles.Doc doc = doc(path, "Title of " + path, "en", "Text of " + path + ".\n",
                List.<String[]>of(new String[] {"AFP", "origin"}, new String[] {"Daily Courier", "publisher"}), List.of());
        for (String warning : warnings) {
            doc.record().withArray("warnings").add(warning);
        }
        return doc;
    }

    @Test
    void eachBundleIsAGroupOfItsDocumentsThatItsRowLinksTo() throws IOException {
        // two paths an id made of letters, digits, '-' and '_' would confuse
        TestBundles.writeTar(archives, "news.a", List.of(warned("a/one.txt"), warned("a/two.txt")));
        TestBundles.writeTar(archives, "news_a", List.of(warned("b/three.txt")));
        String page = page();

        List<String> ids = Pattern.compile("<details id=\"([^\"]+)\" open>").matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(page).contains("href=\"#" + id + "\"");
        }
        String first = page.substring(page.indexOf("<details id=\"" + ids.get(0)), page.indexOf("</details>"));
        assertThat(first).contains("news.a.tar").contains("2 documents").contains("a/one.txt").contains("a/two.txt")
                .doesNotContain("b/three.txt");
        assertThat(page).contains("<table class=\"sortable docs\">").contains("<div class=\"tools\" hidden>");
    }

    @Test
    void bundleTimeWarningsAreListedByKindWithExamplesAndCountedPerDocument() throws IOException {
        TestBundles.writeTar(archives, "warned", List.of(
                warned("a.pdf", "text extraction failed: EOFException: truncated", "no text could be extracted from this application/pdf file"),
                warned("b.pdf", "text extraction failed: IOException: bad xref"),
                warned("c.txt", "publisher of this copy unknown: no site name, canonical URL or footer names it"),
                warned("d.txt")));
        String page = page();
        String section = page.substring(page.indexOf("<section id=\"warnings\">"), page.indexOf("<section id=\"parties\">"));

        assertThat(section).contains("What bundling noted about 3 documents");
        assertThat(section.indexOf("<td>text extraction failed</td><td class=\"num\">2</td>"))
                .as("the most frequent kind first").isPositive()
                .isLessThan(section.indexOf("<td>publisher of this copy unknown</td><td class=\"num\">1</td>"));
        assertThat(section).contains("EOFException: truncated").contains("IOException: bad xref")
                .contains("<td>no text could be extracted from this application/pdf file</td>");
        assertThat(page).contains("<div class=\"label\">Bundle-time warnings</div><div class=\"figure\">3</div>");
        String row = page.substring(page.indexOf("<td class=\"path\">a.pdf</td>"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("title=\"text extraction failed: EOFException: truncated\n"
                + "no text could be extracted from this application/pdf file\">2</td>");
    }

    @Test
    void whatRecordsHoldIsEscapedAndOnlyWebAddressesAreLinked() throws IOException {
        TestBundles.Doc hostile = doc("x.html", "<script>alert(1)</script> & \"quotes\"", "en", "Text.\n",
                List.<String[]>of(new String[] {"<b>Wire</b>", "origin"}), List.of());
        ((ObjectNode) hostile.record().get("urls").get(0)).put("url", "javascript:alert(1)");
        TestBundles.Doc quoted = doc("y.html", "Y", "en", "Other text.\n", List.of(), List.of());
        ((ObjectNode) quoted.record().get("urls").get(0)).put("url", "https://example.org/a?b=1&c=\"2\"");
        hostile.record().withArray("warnings").add("parser reported: <img src=x onerror=alert(1)>");
        TestBundles.writeTar(archives, "hostile", List.of(hostile, quoted));
        String page = page();

        assertThat(page).doesNotContain("<script>alert", "<b>Wire</b>", "javascript:", "<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\">");
    }

    @Test
    void longAddressesAreShortenedForShowOnly() {
        String url = "https://www.example-news-site.cu/index.php/es/noticias/nacionales/300123-inauguran-nueva-sala-de-lectura-en-la"
                + "-biblioteca-provincial-de-santiago";
        assertThat(HtmlReport.shortUrl(url)).startsWith("www.example-news-site.cu/index.php/").contains("…")
                .endsWith("provincial-de-santiago").hasSizeLessThan(90);
        assertThat(HtmlReport.shortUrl("http://example.org/a")).isEqualTo("example.org/a");
    }
}
