package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Finding the article: its body paragraphs and its headline, not the longest box on the page. */
class ArticleLocatorTest {

    private static final String P = "<p>Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan für den Verkehr"
            + " in der ganzen Region vorgestellt, der Busse, Bahnen und Radwege umfasst.</p>\n";

    private static Document doc(String html) {
        return HtmlPage.parse(html).document();
    }

    @Test
    void theBodyIsTheBlockOfParagraphsNotTheSidebarOrTheRelatedList() {
        Document d = doc("""
                <html><head><title>Neuer Verkehrsplan für die Region | Beispielzeitung</title></head><body>
                <nav><ul><li><a href=/>Start</a></li><li><a href=/p>Politik</a></li></ul></nav>
                <div class="wrapper"><div id="story"><h1>Neuer Verkehrsplan für die Region</h1>
                <div id="text">%s</div></div>
                <div class="sidebar">%s</div></div>
                <ul class="related"><li><a href=/a>Andere Geschichte mit einem langen Titel, der Kommas hat, viele</a></li></ul>
                </body></html>""".formatted(P.repeat(4), P.repeat(2)));
        ArticleLocator.Article a = ArticleLocator.locate(d, List.of("Neuer Verkehrsplan für die Region"));
        assertThat(a.body().id()).isEqualTo("text");
        assertThat(a.bodyFirst()).isSameAs(a.bodyLast());
        assertThat(a.headline().text()).isEqualTo("Neuer Verkehrsplan für die Region");
    }

    @Test
    void theArticleAfterTheHeadlineWinsOverALongerObituaryBelowIt() {
        Document d = doc("""
                <html><body>
                <main><div id="a"><h1>Neuer Verkehrsplan</h1>%s</div></main>
                <section class="more"><div id="b"><h2>Nachruf auf einen Bürgermeister</h2>%s</div></section>
                </body></html>""".formatted(P.repeat(3), P.repeat(5)));
        ArticleLocator.Article a = ArticleLocator.locate(d, List.of("Neuer Verkehrsplan"));
        assertThat(a.body().id()).isEqualTo("a");
        assertThat(a.headline().text()).isEqualTo("Neuer Verkehrsplan");
    }

    @Test
    void theNextStoryStandingAsASiblingIsNotMergedIntoTheBody() {
        Document d = doc("""
                <html><body>
                <div id="a"><h1>Neuer Verkehrsplan</h1>%s</div>
                <div id="b"><h2>Nachruf auf einen Bürgermeister</h2>%s<p>(AFP)</p></div>
                </body></html>""".formatted(P.repeat(3), P.repeat(5)));
        ArticleLocator.Article a = ArticleLocator.locate(d, List.of("Neuer Verkehrsplan"));
        assertThat(a.bodyFirst().id()).isEqualTo("a");
        assertThat(a.bodyLast().id()).isEqualTo("a");
    }

    @Test
    void bodyTextInDivsBetweenLineBreaksCounts() {
        Document d = doc("""
                <html><body><h1>Nuevo plan</h1>
                <div id="nota">%s<br><br>%s<br><br>%s</div>
                <div id="otra"><a href=/1>Enlace uno con un texto bastante largo</a> <a href=/2>Enlace dos también largo</a></div>
                </body></html>""".formatted("El gobierno presentó ayer, tras semanas de debate, un plan nuevo para el transporte.".repeat(2),
                "Los alcaldes, los sindicatos y las asociaciones de vecinos celebraron la decisión del consejo.".repeat(2),
                "La primera fase comenzará en junio, según el calendario publicado por el ministerio.".repeat(2)));
        ArticleLocator.Article a = ArticleLocator.locate(d, List.of("Nuevo plan"));
        assertThat(a.body().id()).isEqualTo("nota");
    }

    @Test
    void articleSplitIntoALeadBlockAndABodyBlockIsMerged() {
        Document d = doc("""
                <html><body><article id="art"><h1>Neuer Verkehrsplan</h1>
                <div id="lead">%s</div>
                <div class="ad">Anzeige</div>
                <div id="rest">%s</div>
                </article></body></html>""".formatted(P.repeat(2), P.repeat(4)));
        ArticleLocator.Article a = ArticleLocator.locate(d, List.of("Neuer Verkehrsplan"));
        assertThat(a.bodyFirst().id()).isEqualTo("lead");
        assertThat(a.bodyLast().id()).isEqualTo("rest");
        assertThat(a.body().id()).isEqualTo("art");
    }

    @Test
    void aOneParagraphWireItemStillHasABody() {
        Document d = doc("<html><body><h1>Kurz</h1><div id=w><p>Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.</p></div></body></html>");
        ArticleLocator.Article a = ArticleLocator.locate(d, List.of());
        assertThat(a.body().id()).isEqualTo("w");
        assertThat(a.headline().text()).isEqualTo("Kurz");
    }

    @Test
    void aPageWithoutTextHasNoArticle() {
        assertThat(ArticleLocator.locate(doc("<html><body><img src=a.jpg><p>Hi</p></body></html>"), List.of())).isNull();
    }

    @Test
    void theHeadlineIsTheHeadingThatSaysTheTitleNotTheSiteNameOrASection() {
        Document d = doc("""
                <html><body><div class="site-title">SAT.1 REGIONAL</div><h2 class="section-title">Politik</h2>
                <div id="art"><h2 class="article-title">Neuer Verkehrsplan für die ganze Region vorgestellt</h2>%s</div>
                </body></html>""".formatted(P.repeat(3)));
        ArticleLocator.Article a = ArticleLocator.locate(d,
                List.of("Neuer Verkehrsplan für die ganze Region vorgestellt - SAT.1 REGIONAL"));
        assertThat(a.headline().className()).isEqualTo("article-title");
    }

    @Test
    void withoutATitleMatchTheLastH1BeforeTheBodyIsTheHeadline() {
        Document d = doc("""
                <html><body><h1>Beispielzeitung</h1><h1 id="h">Ganz andere Worte hier</h1><div>%s</div><h1>Danach</h1></body></html>"""
                .formatted(P.repeat(3)));
        assertThat(ArticleLocator.locate(d, List.of("Kein gemeinsames Wort")).headline().id()).isEqualTo("h");
    }

    @Test
    void wordsAreFoldedAndScriptsWithoutSpacesGiveCharacterPairs() {
        assertThat(ArticleLocator.words("Élection à Genève, 2026!")).containsExactlyInAnyOrder("election", "a", "geneve", "2026");
        assertThat(ArticleLocator.words("東京都 知事")).containsExactlyInAnyOrder("東京", "京都", "知事");
    }

    @Test
    void koreanSyllablesStayWhole() {
        assertThat(ArticleLocator.words("AI가 바꾼 뉴스")).contains("ai", "바꾼", "뉴스");
    }

    @Test
    void textWeightCountsCjkCharactersThreeTimesAndCommasOfEveryScript() {
        assertThat(TextMeasure.weight("a b\u00a0c")).isEqualTo(3);
        assertThat(TextMeasure.weight("東京 Tokyo")).isEqualTo(11);
        assertThat(TextMeasure.commas("a, b，c、d。e،f؛")).isEqualTo(6);
    }
}
