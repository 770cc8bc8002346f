package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What surrounds an article and is never part of it, and the words of class and id that tell. */
class PageChromeTest {

    /** A page with enough body text that a small box holds little of it. */
    private static Document page(String boxes) {
        return HtmlPage.parse("<html><body><article><h1>Der Titel des Artikels</h1>"
                + "<p>" + "Ein langer Absatz der Geschichte, mit vielen Worten und Kommas, ".repeat(12) + "</p></article>"
                + boxes + "</body></html>").document();
    }

    private static Element box(String boxes) {
        return page(boxes).selectFirst("#x");
    }

    @Test
    void navigationSidebarsListsAndAdvertisingAreChrome() {
        for (String html : List.of(
                "<nav id=x><a href=/>Inicio</a></nav>",
                "<div id=x role=navigation><a href=/>Home</a></div>",
                "<div id=x class=\"related-articles\"><a href=/a>Otra nota</a></div>",
                "<div id=x class=\"meistgelesen\">Andere Artikel</div>",
                "<section id=x class=\"mostRead\">Le plus lu</section>",
                "<div id=x class=\"box__most-read\">Most read</div>",
                "<div id=x class=\"comentarios\">Deja tu comentario</div>",
                "<div id=x class=\"ad-slot adsbygoogle\">Anzeige</div>",
                "<div id=x class=\"newsTicker\">Breaking</div>",
                "<div id=x hidden>versteckt</div>",
                "<div id=x style=\"display: none\">versteckt</div>",
                "<aside id=x class=\"teasers\">Weitere Meldungen</aside>")) {
            assertThat(PageChrome.isChrome(box(html))).as(html).isTrue();
        }
    }

    @Test
    void articlePartsAreNeverChromeByTheirWords() {
        for (String html : List.of(
                "<div id=x class=\"share-byline\">Von Anna Schmidt, dpa</div>",
                "<div id=x class=\"sidebar caption\">Foto: EFE</div>",
                "<div id=x class=\"social credit\">AP Photo</div>",
                "<p id=x class=\"story-text\">Texto</p>",
                "<div id=x>no class at all</div>")) {
            assertThat(PageChrome.isChrome(box(html))).as(html).isFalse();
        }
    }

    @Test
    void anAsideHoldingTheBylineIsTheArticlesMetaColumn() {
        assertThat(PageChrome.isChrome(box("<aside id=x><address>Por Ana Pérez</address></aside>"))).isFalse();
        assertThat(PageChrome.isChrome(box("<aside id=x><a rel=author href=/ana>Ana Pérez</a></aside>"))).isFalse();
        assertThat(PageChrome.isChrome(box("<aside id=x><p>Lesen Sie auch: andere Geschichten</p></aside>"))).isTrue();
        // an aside named for a list of other stories stays chrome whatever it holds
        assertThat(PageChrome.isChrome(box("<aside id=x class=related><span class=author>Ana</span></aside>"))).isTrue();
    }

    @Test
    void whatHoldsTheHeadlineIsThePageNotABox() {
        Document doc = HtmlPage.parse("<html><body><div id=x class=\"ad-portal\"><h1>Titel</h1><p>Text</p></div></body></html>").document();
        assertThat(PageChrome.isChrome(doc.selectFirst("#x"))).isFalse();
    }

    @Test
    void articleWordsProtectAWrapperOnlyWhileSearching() {
        Element e = box("<div id=x class=\"main-content has-sidebar\">Spalte</div>");
        assertThat(PageChrome.isChrome(e, true)).isFalse();
        assertThat(PageChrome.isChrome(e, false)).isTrue();
    }

    @Test
    void anArticlesOwnFooterIsNotTheSiteFooter() {
        Document doc = HtmlPage.parse("""
                <html><body><article><p>Text</p><footer id=a class="article-footer">(KNA)</footer></article>
                <footer id=s class="site-footer">© 2026 Beispiel</footer></body></html>""").document();
        assertThat(PageChrome.isSiteFooter(doc.selectFirst("#a"))).isFalse();
        assertThat(PageChrome.isSiteFooter(doc.selectFirst("#s"))).isTrue();
        assertThat(PageChrome.isChrome(doc.selectFirst("#a"))).isFalse();
    }

    @Test
    void chromeElementsByWhatTheyAreLeavingWordsAside() {
        assertThat(PageChrome.isChromeElement(box("<div id=x class=related>x</div>"))).isFalse();
        assertThat(PageChrome.isChromeElement(box("<div id=x role=complementary>x</div>"))).isTrue();
        assertThat(PageChrome.isChromeElement(box("<menu id=x>x</menu>"))).isTrue();
        assertThat(PageChrome.isChromeElement(box("<div id=x style=\"VISIBILITY : hidden\">x</div>"))).isTrue();
    }

    @Test
    void controlsAndTheirLabels() {
        Document doc = HtmlPage.parse("""
                <figure><figcaption id=c>Il ponte. © ANSA <a href="javascript:void(0)">+ CLICCA PER INGRANDIRE</a>
                <span role=button>Condividi</span> <a href="#">↑</a> <a href="/foto">Galleria</a></figcaption></figure>""").document();
        Element c = doc.selectFirst("#c");
        assertThat(PageChrome.textWithoutControls(c)).isEqualTo("Il ponte. © ANSA Galleria");
        assertThat(PageChrome.isControl(doc.selectFirst("a[href^=java]"))).isTrue();
        assertThat(PageChrome.isControl(doc.selectFirst("a[href=/foto]"))).isFalse();
        assertThat(c.text()).contains("CLICCA"); // the page itself is not changed
    }

    @Test
    void elementTokensSplitAtPunctuationAndCamelCase() {
        Element e = HtmlPage.parse("<div class=\"article__byline authorName\" id=\"main-Content2\" role=\"Note\" itemprop=\"articleBody\">"
                + "</div>").document().selectFirst("div");
        assertThat(ElementTokens.of(e)).containsExactly("article", "byline", "author", "name", "main", "content2", "note",
                "article", "body");
        assertThat(ElementTokens.raw(e)).isEqualTo("article__byline authorname main-content2 note articlebody ");
        List<String> out = new ArrayList<>();
        ElementTokens.split("", out);
        ElementTokens.split("--", out);
        assertThat(out).isEmpty();
    }
}
