package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The article as lines: headline to body end and a short tail, without chrome, link lists or author bios. */
class ArticleBlocksTest {

    private static final String P1 = "Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan für den Verkehr vorgestellt.";
    private static final String P2 = "Der Plan umfasst Busse, Bahnen und Radwege, und er soll im Juni beginnen, sagte die Ministerin.";
    private static final String P3 = "Kritiker bemängeln, dass die Finanzierung, wie schon beim letzten Plan, noch nicht geklärt ist.";

    private static List<Block> blocks(String html, String title) {
        Document d = HtmlPage.parse(html).document();
        return ArticleBlocks.of(ArticleLocator.locate(d, List.of(title)));
    }

    @Test
    void regionsFromKickerToTail() {
        List<Block> b = blocks("""
                <html><body><nav><a href=/>Start</a></nav>
                <article><header><p class="kicker">Verkehr</p><h1>Neuer Verkehrsplan</h1>
                <p class="byline">Von Anna Schmidt, dpa</p></header>
                <div class="body"><p>%s</p><p>%s</p><p>%s</p></div>
                <p class="credits">(KNA, DR)</p></article>
                <footer>© 2026 Beispielzeitung</footer></body></html>""".formatted(P1, P2, P3), "Neuer Verkehrsplan");
        assertThat(b).extracting(Block::text, Block::region).containsExactly(
                tuple("Verkehr", Block.Region.PRE),
                tuple("Neuer Verkehrsplan", Block.Region.HEAD),
                tuple("Von Anna Schmidt, dpa", Block.Region.HEAD),
                tuple(P1, Block.Region.BODY), tuple(P2, Block.Region.BODY), tuple(P3, Block.Region.BODY),
                tuple("(KNA, DR)", Block.Region.TAIL));
        assertThat(b.get(2).element().className()).isEqualTo("byline");
        assertThat(b.get(2).line()).isEqualTo(3);
    }

    @Test
    void chromeInsideTheBodyIsLeftOutAndALinkListEndsTheTail() {
        List<Block> b = blocks("""
                <html><body><article><h1>Neuer Verkehrsplan</h1>
                <div class="body"><p>%s</p><div class="related"><a href=/x>Lesen Sie auch: Der alte Plan</a></div>
                <p>%s</p><div class="share">Teilen auf Facebook</div><p>%s</p></div>
                <p>Quelle: dpa</p>
                <div><a href=/1>Erste andere Geschichte mit langem Titel</a> <a href=/2>Zweite andere Geschichte mit Titel</a>
                <a href=/3>Dritte andere Geschichte mit langem Titel</a> <a href=/4>Vierte andere Geschichte mit Titel</a></div>
                <p>Nach der Liste: gehört nicht mehr dazu</p>
                </article></body></html>""".formatted(P1, P2, P3), "Neuer Verkehrsplan");
        assertThat(b).extracting(Block::text).containsExactly("Neuer Verkehrsplan", P1, P2, P3, "Quelle: dpa");
        assertThat(b.get(4).region()).isEqualTo(Block.Region.TAIL);
    }

    @Test
    void anAuthorBioInTheTailIsSkippedAndAHeadingEndsIt() {
        List<Block> b = blocks("""
                <html><body><div id="a"><h1>Neuer Verkehrsplan</h1>
                <div class="body"><p>%s</p><p>%s</p><p>%s</p></div>
                <div class="author-bio">Anna Schmidt schreibt seit 2001 für Reuters und AFP.</div>
                <p>(AFP)</p>
                <h2>Mehr zum Thema</h2><p>Ein anderer Text</p></div></body></html>""".formatted(P1, P2, P3), "Neuer Verkehrsplan");
        assertThat(b).extracting(Block::text).containsExactly("Neuer Verkehrsplan", P1, P2, P3, "(AFP)");
    }

    @Test
    void inlineElementsSideBySideReadAsTwoWordsButEmphasisJoins() {
        List<Block> b = blocks("""
                <html><body><h1>Neuer Verkehrsplan</h1>
                <div class="meta"><span>BNS</span><span>2020.10.26</span></div>
                <div class="body"><p>%s</p><p>%s</p><p>%s <b>Agencia</b><i>Efe</i></p></div></body></html>"""
                .formatted(P1, P2, P3), "Neuer Verkehrsplan");
        assertThat(b).extracting(Block::text).contains("BNS 2020.10.26", P3 + " AgenciaEfe");
    }

    @Test
    void linkWeightMarksBlocksThatAreMostlyLinks() {
        List<Block> b = blocks("""
                <html><body><h1>Neuer Verkehrsplan</h1><p class="byline">Von <a href="/autor/anna">Anna Schmidt</a></p>
                <div class="body"><p>%s</p><p>%s</p><p>%s</p></div></body></html>""".formatted(P1, P2, P3), "Neuer Verkehrsplan");
        Block byline = b.get(1);
        assertThat(byline.text()).isEqualTo("Von Anna Schmidt");
        assertThat(byline.weight()).isEqualTo(14);
        assertThat(byline.linkWeight()).isEqualTo(11);
        assertThat(byline.mostlyLinks()).isTrue();
        assertThat(b.get(2).mostlyLinks()).isFalse();
    }

    @Test
    void noArticleGivesNoBlocks() {
        assertThat(ArticleBlocks.of(null)).isEmpty();
    }
}
