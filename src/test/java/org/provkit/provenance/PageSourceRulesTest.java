package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provkit.provenance.PageFixture.analyze;
import static org.provkit.provenance.PageFixture.article;
import static org.provkit.provenance.PageFixture.chain;
import static org.provkit.provenance.PageFixture.paragraphs;

import org.junit.jupiter.api.Test;

/**
 * Who a page credits with its text, one rule at a time: datelines, closing codes, bylines, copyright and source
 * lines, lone agency lines, "X via Y" openers; quoted agencies and the page's chrome never credit the text.
 */
class PageSourceRulesTest {

    private static final String DE2 = "Die Ministerin sagte, der Plan solle im Juni beginnen, und die Städte würden beteiligt.";
    private static final String DE3 = "Kritiker bemängeln, dass die Finanzierung, wie schon beim letzten Plan, nicht geklärt ist.";
    private static final String ES2 = "El ministro dijo que el plan, que costará millones, comenzará en junio en todas las ciudades.";
    private static final String ES3 = "Los críticos señalan que la financiación, como en el plan anterior, aún no está clara.";
    private static final String EN2 = "The minister said the plan, which will cost millions, would begin in June in every city.";
    private static final String EN3 = "Critics say the funding, as with the previous plan, has still not been settled by anyone.";

    private static Hop origin(PageAnalysis.Result r) {
        return r.chain().get(0);
    }

    @Test
    void datelineWithASlashedCity() {
        var r = analyze(article("Neuer Verkehrsplan", "", paragraphs(
                "Frankfurt/Main (dpa) - Die Regierung hat am Dienstag, nach langen Beratungen, einen Plan vorgestellt.", DE2, DE3), ""),
                "www.beispiel.de");
        assertThat(chain(r)).containsExactly("dpa", "Beispiel");
        assertThat(origin(r).registered()).isTrue();
        assertThat(origin(r).evidence()).extracting(Evidence::field).containsExactly("dateline");
        assertThat(origin(r).evidence().get(0).in()).isEqualTo(Evidence.IN_MARKUP);
        assertThat(origin(r).evidence().get(0).path()).endsWith("p:nth-of-type(1)");
    }

    @Test
    void datelineWithoutACity() {
        var r = analyze(article("Nuevo plan de transporte", "", paragraphs(
                "(EFE).- El gobierno presentó este martes, tras semanas de debate, un plan nuevo para el transporte.", ES2, ES3), ""),
                "www.ejemplo.es");
        assertThat(chain(r)).containsExactly("EFE", "Beispiel");
        assertThat(origin(r).evidence()).extracting(Evidence::field).containsExactly("dateline");
    }

    @Test
    void closingCodesAfterTheBody() {
        var r = analyze(article("Neuer Verkehrsplan", "", paragraphs(
                "Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan vorgestellt.", DE2, DE3),
                "<p class=\"closing\">(KNA, DR)</p>"), "www.beispiel.de");
        assertThat(chain(r)).containsExactly("KNA", "Beispiel");
        assertThat(origin(r).evidence()).extracting(Evidence::field, Evidence::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("closing credit", "(KNA, DR)"));
    }

    @Test
    void closingCodesAtTheEndOfTheLastParagraph() {
        var r = analyze(article("Nuovo piano", "", paragraphs(
                "Il governo ha presentato martedì, dopo settimane di discussione, un nuovo piano per i trasporti.",
                "Il ministro ha detto che il piano, che costerà milioni, partirà a giugno in tutte le città.",
                "I critici osservano che il finanziamento, come per il piano precedente, non è ancora chiaro. (ANSA)."), ""),
                "www.esempio.it");
        assertThat(chain(r)).containsExactly("ANSA", "Beispiel");
    }

    @Test
    void bylineVonNameAgency() {
        var r = analyze(article("Neuer Verkehrsplan", "<p class=\"byline\">Von Anna Schmidt, dpa</p>", paragraphs(
                "Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan vorgestellt.", DE2, DE3), ""),
                "www.beispiel.de");
        assertThat(chain(r)).containsExactly("dpa", "Beispiel");
        assertThat(origin(r).evidence()).extracting(Evidence::field).containsExactly("byline");
        assertThat(r.authors()).containsExactly("Anna Schmidt");
    }

    @Test
    void bylineWithTheAgencyInBrackets() {
        var r = analyze(article("Neuer Verkehrsplan", "<div class=\"author\">Von Anna Schmidt (dpa)</div>", paragraphs(
                "Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan vorgestellt.", DE2, DE3), ""),
                "www.beispiel.de");
        assertThat(chain(r)).containsExactly("dpa", "Beispiel");
    }

    @Test
    void byTheAgencyKeepsTheFormThePageWrites() {
        var r = analyze(article("New transport plan", "<p>By The Associated Press</p>", paragraphs(
                "The government on Tuesday, after weeks of debate, presented a new plan for public transport.", EN2, EN3), ""),
                "www.example.com");
        assertThat(chain(r)).containsExactly("The Associated Press", "Beispiel");
        assertThat(origin(r).registryName()).isEqualTo("AP");
    }

    @Test
    void byAnAgencyCode() {
        var r = analyze(article("New transport plan", "<p class=\"byline\">By AP</p>", paragraphs(
                "The government on Tuesday, after weeks of debate, presented a new plan for public transport.", EN2, EN3), ""),
                "www.example.com");
        assertThat(chain(r)).containsExactly("AP", "Beispiel");
    }

    @Test
    void theArticlesCopyrightLine() {
        var r = analyze(article("Nouveau plan", "", paragraphs(
                "Le gouvernement a présenté mardi, après des semaines de débat, un nouveau plan pour les transports.",
                "Le ministre a dit que le plan, qui coûtera des millions, commencera en juin dans toutes les villes.",
                "Les critiques notent que le financement, comme pour le plan précédent, n'est pas encore clair."),
                "<p>© AFP</p>"), "www.exemple.fr");
        assertThat(chain(r)).containsExactly("AFP", "Beispiel");
        assertThat(origin(r).evidence()).extracting(Evidence::field).containsExactly("copyright line");
    }

    @Test
    void anOutletViaAnAgencyOpeningTheStory() {
        var r = analyze(article("A new plan", "", paragraphs(
                "KVELLER via JTA — The community on Tuesday, after weeks of debate, presented a new plan for its schools.", EN2, EN3), ""),
                "www.example.com");
        assertThat(chain(r)).containsExactly("KVELLER", "JTA", "Beispiel");
        assertThat(r.chain()).extracting(Hop::role).containsExactly(Hop.ORIGIN, Hop.INTERMEDIARY, Hop.PUBLISHER);
    }

    @Test
    void additionalReportingClosingTheLastParagraph() {
        var r = analyze(article("New transport plan", "", paragraphs(
                "The government on Tuesday, after weeks of debate, presented a new plan for public transport.", EN2,
                EN3 + " Additional reporting by Reuters"), ""), "www.example.com");
        assertThat(chain(r)).containsExactly("Reuters", "Beispiel");
    }

    @Test
    void aLoneAgencyLineUnderTheHeadline() {
        var r = analyze(article("Nuevo plan de transporte", "<p>EFE</p>", paragraphs(
                "El gobierno presentó este martes, tras semanas de debate, un plan nuevo para el transporte.", ES2, ES3), ""),
                "www.ejemplo.es");
        assertThat(chain(r)).containsExactly("EFE", "Beispiel");
    }

    @Test
    void aLoneAgencyLineClosingTheBody() {
        var r = analyze(article("Nuevo plan de transporte", "", paragraphs(
                "El gobierno presentó este martes, tras semanas de debate, un plan nuevo para el transporte.", ES2, ES3, "Agencia EFE."), ""),
                "www.ejemplo.es");
        assertThat(chain(r)).containsExactly("Agencia EFE", "Beispiel");
        assertThat(origin(r).registryName()).isEqualTo("EFE");
    }

    @Test
    void aSourceLabelInMidLine() {
        var r = analyze(article("Novo plano de transportes", "<p class=\"meta\">Publicado em 03/03/2026 - Fonte: Agência Brasil - Foto: Marcelo Camargo</p>",
                paragraphs("O governo apresentou nesta terça-feira, após semanas de debate, um novo plano de transportes.",
                        "O ministro disse que o plano, que custará milhões, começará em junho em todas as cidades.",
                        "Os críticos observam que o financiamento, como no plano anterior, ainda não está claro."), ""),
                "www.exemplo.com.br");
        assertThat(chain(r)).containsExactly("Agência Brasil", "Beispiel");
        assertThat(origin(r).evidence()).extracting(Evidence::field, Evidence::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("source line", "Fonte: Agência Brasil"));
    }

    @Test
    void aJapanesePortalsProviderLine() {
        var r = analyze(article("新しい交通計画を発表", "<p>CNET Japan 3/9(木) 18:45配信</p>", paragraphs(
                "政府は火曜日、数週間の議論を経て、公共交通の新しい計画を発表した。計画にはバス、鉄道、自転車道が含まれる。",
                "大臣によると、計画は六月に始まり、すべての都市で実施される予定だという。費用は数百万に上る。",
                "批判する人々は、前回の計画と同じように、財源がまだはっきりしていないと指摘している。"), ""), "news.example.jp");
        assertThat(chain(r)).containsExactly("CNET Japan", "Beispiel");
        assertThat(origin(r).evidence()).extracting(Evidence::field).containsExactly("provider");
    }

    @Test
    void quotedAgenciesInTheStoryAreNoSource() {
        var r = analyze(article("New transport plan", "<p class=\"byline\">By Jane Doe</p>", paragraphs(
                "The government on Tuesday, after weeks of debate, presented a new plan for public transport.",
                "\"It will change everything,\" the minister told Reuters, adding that the plan would begin in June.",
                "Critics told AFP that the funding, as with the previous plan, has still not been settled."), ""),
                "www.example.com");
        assertThat(chain(r)).containsExactly("Beispiel");
        assertThat(r.authors()).containsExactly("Jane Doe");
    }

    @Test
    void agenciesInTeasersSidebarsAndFootersAreNoSource() {
        // The fixture page has a related list naming Reuters and AP beside a staff story.
        var r = analyze(article("Neuer Verkehrsplan", "<p class=\"byline\">Von Anna Schmidt</p>", paragraphs(
                "Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan vorgestellt.", DE2, DE3),
                ""), "www.beispiel.de");
        assertThat(chain(r)).containsExactly("Beispiel");
        assertThat(r.authors()).containsExactly("Anna Schmidt");
    }

    @Test
    void oneAgencyNamedSeveralTimesIsOneHopWithEveryPieceOfEvidence() {
        var r = analyze(article("Neuer Verkehrsplan", "<p class=\"byline\">Von Anna Schmidt, dpa</p>", paragraphs(
                "Berlin (dpa) - Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan vorgestellt.", DE2, DE3),
                "<p>(dpa)</p>"), "www.beispiel.de");
        assertThat(chain(r)).containsExactly("dpa", "Beispiel");
        assertThat(origin(r).evidence()).extracting(Evidence::field).containsExactly("byline", "dateline", "closing credit");
    }

    @Test
    void namesAreReadAsWrittenInScriptsWithoutCapitals() {
        assertThat(PageSourceRules.nameOf("뉴스타파")).isEqualTo("뉴스타파");
        assertThat(PageSourceRules.nameOf("网易科学人")).isEqualTo("网易科学人");
        assertThat(PageSourceRules.nameOf("2026年3月")).isNull();
        assertThat(PageSourceRules.capitalised("Agência Brasil")).isTrue();
        assertThat(PageSourceRules.capitalised("publicado por ana")).isFalse();
        assertThat(PageSourceRules.squeeze("Agência-Brasil ")).isEqualTo(PageSourceRules.squeeze("agencia brasil"));
    }

    @Test
    void theWrittenFormOfARegisteredPartyInASpan() {
        var rules = new PageSourceRules(PageFixture.RESOLVER, PageFixture.TEXT_RULES);
        Party dpa = PartyRegistry.builtIn().byNameOrCode("dpa").orElseThrow();
        Party ap = PartyRegistry.builtIn().byNameOrCode("AP").orElseThrow();
        assertThat(rules.written(dpa, "(dpa/lno)")).isEqualTo("dpa");
        assertThat(rules.written(ap, "By The Associated Press")).isEqualTo("The Associated Press");
        assertThat(rules.written(ap, "(APTN)")).isEqualTo("APTN");
    }
}
