package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bag-info.txt's External-Identifier holds only well-formed absolute http(s) URLs. */
class ExternalIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://www.radiohc.cu/index.php/fr/noticias/268534-xi-jinping", "http://mycompany/drawings",
        "http://go.microsoft.com/fwlink/?LinkID=231373", "https://example.org/search?url=http://other.example/",
        "https://bücher.example/katalog", "http://127.0.0.1:8080/a", "https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC",
        "https://web.archive.org/web/20201231000000/https://www.example.org/", "https://example.org/www.example.org"})
    void wellFormedAbsoluteUrlsAreKept(String url) {
        assertThat(ExternalIdentifiers.wellFormed(url)).contains(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // from testEXCEL_hyperlinks.xlsx and the like, as issue 15 found them in bag-info.txt
        "http://tika.apache.org/1.12/gettingstarted.htmlhttp://tika.apache.org/mailto:user@tika.apache.org?subject=help",
        "www.50languages.com", "example.org/page", "mailto:desk@example.org", "ftp://ftp.example.org/file",
        "https://", "http:///path", "https://exa mple.org/", "https://example.org/a b", "https://example.org/\nExternal-Identifier: x",
        "javascript:alert(1)", "/relative/path", "https://example.org/pagehttps://example.org/other", ""})
    void anythingElseIsLeftOut(String value) {
        assertThat(ExternalIdentifiers.wellFormed(value)).isEmpty();
    }
}
