package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Attribution rules per family (datelines, source lines, in-text) and per language (fr, es, en, pt; datelines and source lines in other scripts too). */
class AttributionRulesTest {

    @TempDir
    Path dir;

    private DocumentProvenance text(String content) {
        return Docs.analyze(Docs.text(dir, "docs/a.txt", content));
    }

    private static final String BODY_FR = "Le gouvernement a présenté hier un nouveau plan pour les transports publics de la région.";
    private static final String BODY_ES = "El gobierno presentó ayer un nuevo plan para el transporte público de la región.";
    private static final String BODY_EN = "The government presented a new plan for public transport in the region yesterday.";
    private static final String BODY_PT = "O governo apresentou ontem um novo plano para o transporte público da região.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            La Havane, 30 août, (RHC)- Le président a parlé.                  | Radio Habana Cuba | (RHC)
            PARIS, 3 mars (AFP) - Le gouvernement a parlé.                     | AFP               | (AFP)
            Paris (AFP) – Le gouvernement a parlé.                             | AFP               | (AFP)
            Madrid, 30 ago (EFE).- El gobierno habló.                          | EFE               | (EFE)
            Caracas, 12 ene (PL) El presidente habló hoy.                      | Prensa Latina     | (PL)
            **La Habana, 3 mar (PL)** El presidente habló hoy.                 | Prensa Latina     | (PL)
            LA HABANA, 3 mar, 2026 (ACN) - El presidente habló hoy.            | Agencia Cubana de Noticias | (ACN)
            SAN JUAN, Puerto Rico (AP) — The governor spoke.                   | AP                | (AP)
            RIO DE JANEIRO (Reuters) - O governo falou.                        | Reuters           | (Reuters)
            N'Djamena, 3 mars (AFP) - Le gouvernement a parlé.                 | AFP               | (AFP)
            Havana (Prensa Latina) A Cuba recebeu ontem a delegação.           | Prensa Latina     | (Prensa Latina)
            La Habana, 8 feb (Prensa Latina) La biblioteca abrió.              | Prensa Latina     | (Prensa Latina)
            Ciudad de México, 5 de marzo (Notimex).- El gobierno habló.        | Notimex           | (Notimex)
            HAVANA, March 3 (Reuters) - The government spoke.                  | Reuters           | (Reuters)
            BEIJING (Xinhua) -- The government spoke.                          | Xinhua            | (Xinhua)
            WASHINGTON (AP) — The government spoke.                            | AP                | (AP)
            MOSCOW, March 3. /TASS/. The government spoke.                     | TASS              | /TASS/
            (ANSA) - ROME, MARCH 3 - The government spoke.                     | ANSA              | (ANSA)
            Lisboa, 3 mar (Lusa) - O governo falou.                            | Lusa              | (Lusa)
            Brasília, 3 mar (Agência Brasil) - O ministério falou.             | Agência Brasil    | (Agência Brasil)
            SÃO PAULO (Reuters) - O governo falou.                             | Reuters           | (Reuters)
            Berlin, 3. März (dpa) - Die Regierung sprach.                      | dpa               | (dpa)
            Madrid, 30 ago (EFE/AFP).- El gobierno habló.                      | EFE               | (EFE/AFP)
            МОСКВА, 12 ноября. /ТАСС/. Президент провел переговоры.            | TASS              | /ТАСС/
            الرياض 12 نوفمبر (واس) - التقى وزير الخارجية نظيره.                | Saudi Press Agency | (واس)
            القاهرة (أ ش أ) - قال وزير الخارجية                                 | MENA              | (أ ش أ)
            新华社北京11月12日电 中国与东盟签署了新的贸易协定。                   | Xinhua            | 新华社北京11月12日电
            (서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.                          | Yonhap            | (서울=연합뉴스)
            【北京共同】中国政府は12日、発表した。                                 | Kyodo             | 【北京共同】
            ANKARA (AA) - Türkiye açıkladı.                                    | Anadolu           | (AA)
            WARSZAWA (PAP) - Rząd ogłosił nowy plan.                           | PAP               | (PAP)
            """)
    void datelineNamesTheAgency(String dateline, String party, String evidence) {
        DocumentProvenance p = text("Titre\n\n" + dateline + "\n\n" + BODY_FR + "\n");
        assertThat(Docs.chain(p)).contains(party);
        Hop hop = p.attribution().chain().stream().filter(h -> h.party().equals(party)).findFirst().orElseThrow();
        assertThat(hop.evidence()).extracting(Evidence::text).contains(evidence);
        assertThat(hop.evidence()).extracting(Evidence::line).contains(3);
        assertThat(hop.role()).isEqualTo(Hop.ORIGIN);
    }

    @Test
    void twoAgenciesInOneDatelineAreBothKept() {
        DocumentProvenance p = text("Madrid, 30 ago (EFE/AFP).- El gobierno habló.\n\n" + BODY_ES);
        assertThat(Docs.chain(p)).containsExactly("EFE", "AFP");
    }

    @Test
    void unknownAgencyInAClearDatelineIsStillAParty() {
        DocumentProvenance p = text("LVIV, March 3 (Zaxid) - The government spoke.\n\n" + BODY_EN);
        assertThat(p.attribution().chain()).singleElement().satisfies(h -> {
            assertThat(h.party()).isEqualTo("Zaxid");
            assertThat(h.registered()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Smith (AP) said the plan was good.
            Le président (PL) a dit que le plan était bon.
            El presidente dijo en (EFE) algo.
            Los datos (2024) muestran un aumento.
            Madrid (España) - El gobierno habló de la crisis.
            """)
    void parenthesesInRunningTextAreNoDateline(String line) {
        DocumentProvenance p = text(BODY_ES + "\n\n" + line + "\n\n" + BODY_ES);
        assertThat(p.attribution().chain()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Source: Prensa Latina                 | Prensa Latina
            Source : AFP                          | AFP
            Sources: Reuters                      | Reuters
            **Source: Agence France-Presse**      | AFP
            Fuente: EFE                           | EFE
            Fuente: Agencia Cubana de Noticias    | Agencia Cubana de Noticias
            Tomado de Cubadebate                  | Cubadebate
            Tomado de Prensa Latina.              | Prensa Latina
            Tomado del sitio Granma               | Granma
            Fonte: Agência Brasil                 | Agência Brasil
            Fonte: Lusa                           | Lusa
            Com informações da Lusa               | Lusa
            Con información de Prensa Latina      | Prensa Latina
            (Con información de EFE)              | EFE
            D'après AFP                           | AFP
            Avec AFP                              | AFP
            With Reuters                          | Reuters
            — With Reuters                        | Reuters
            (Tomado de Granma)                    | Granma
            Con EFE                               | EFE
            Via: teleSUR                          | teleSUR
            Originally published by Xinhua        | Xinhua
            Publicado originalmente en Juventud Rebelde | Juventud Rebelde
            Source: https://www.prensa-latina.cu/2026/03/03/nota | Prensa Latina
            Источник: ТАСС                        | TASS
            Quelle: Deutsche Presse-Agentur       | dpa
            المصدر: وكالة الأنباء السعودية        | Saudi Press Agency
            来源：新华社                           | Xinhua
            출처: 연합뉴스                         | Yonhap
            Kaynak: Anadolu Ajansı                | Anadolu
            Źródło: PAP                           | PAP
            Fonte: ANSA                           | ANSA
            """)
    void closingSourceLineNamesTheSource(String line, String party) {
        DocumentProvenance p = text("Titre\n\n" + BODY_FR + "\n\n" + line + "\n");
        assertThat(Docs.chain(p)).containsExactly(party);
        Hop hop = p.attribution().chain().get(0);
        assertThat(hop.evidence()).extracting(Evidence::line).containsExactly(5);
        assertThat(hop.evidence().get(0).text()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Por EFE                                       | EFE
            By Reuters                                    | Reuters
            Par AFP                                       | AFP
            Por: Redacción de Prensa Latina               | Prensa Latina
            Autor: Agência Brasil                         | Agência Brasil
            """)
    void bylineNamingAnAgency(String line, String party) {
        DocumentProvenance p = text(line + "\n\n" + BODY_ES + "\n\nhttps://www.cubadebate.cu/noticias/1/\n");
        assertThat(Docs.chain(p)).containsExactly(party, "Cubadebate");
    }

    @Test
    void bylineNamingAPersonIsNoParty() {
        DocumentProvenance p = text("Por Juan Pérez\n\n" + BODY_ES + "\n");
        assertThat(p.attribution().chain()).isEmpty();
    }

    @Test
    void sourceLineWithSeveralAgencies() {
        DocumentProvenance p = text(BODY_ES + "\n\nCon información de Prensa Latina y ACN\n");
        assertThat(Docs.chain(p)).containsExactly("Prensa Latina", "Agencia Cubana de Noticias");
    }

    @Test
    void sourceLineNamingAnUnregisteredOutlet() {
        DocumentProvenance p = text(BODY_ES + "\n\nFuente: Diario Las Américas\n");
        assertThat(p.attribution().chain()).singleElement().satisfies(h -> {
            assertThat(h.party()).isEqualTo("Diario Las Américas");
            assertThat(h.registered()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Con el apoyo de la comunidad y de EFE, la biblioteca abrió sus puertas a todos los vecinos.
            With the new timetable, trains will run less often until the end of the month, AFP learned.
            Avec le soutien de la mairie, l'AFP a pu visiter le chantier pendant trois jours entiers.
            Source of the trouble was a broken pipe under the main road of the old town centre, engineers said.
            Según los datos oficiales, el número de visitantes aumentó un veinte por ciento este año.
            Source of the trouble was a broken pipe under the Reuters building in the old town, engineers said.
            By the time Reuters arrived at the scene, the fire had been put out by the local brigade.
            Tomado el control de la plaza, los manifestantes leyeron un texto de Prensa Latina en voz alta.
            """)
    void sentencesStartingWithALabelAreNoSourceLine(String line) {
        DocumentProvenance p = text(BODY_ES + "\n\n" + line + "\n\n" + BODY_ES);
        assertThat(p.attribution().chain()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Le bilan s'élève à douze morts, selon l'agence Xinhua.                      | Xinhua
            Le bilan s'élève à douze morts, selon l'AFP.                                | AFP
            Le bilan, a rapporté l'agence Reuters, s'élève à douze morts.               | Reuters
            D'après l'agence chinoise Xinhua, le bilan s'élève à douze morts.           | Xinhua
            El balance es de doce muertos, según EFE.                                   | EFE
            El balance es de doce muertos, informó Prensa Latina.                       | Prensa Latina
            De acuerdo con la agencia rusa TASS, el balance es de doce muertos.         | TASS
            Según la agencia Sputnik, el balance es de doce muertos.                    | Sputnik
            The death toll rose to twelve, according to the Associated Press.           | AP
            The death toll rose to twelve, Reuters reported.                            | Reuters
            The death toll rose to twelve, the Xinhua news agency reported.             | Xinhua
            O balanço subiu para doze mortos, segundo a agência Lusa.                   | Lusa
            O balanço subiu para doze mortos, de acordo com a Agência Brasil.           | Agência Brasil
            A Lusa noticiou que o balanço subiu para doze mortos.                       | Lusa
            O balanço subiu para doze mortos, avança a agência Lusa.                    | Lusa
            El balance, reveló la agencia EFE, es de doce muertos.                      | EFE
            Le bilan, rapporte l'agence Kyodo, s'élève à douze morts.                   | Kyodo
            El balance es de doce muertos, citado por Telesur.                          | teleSUR
            Die Zahl der Toten stieg auf zwölf, wie die Nachrichtenagentur dpa berichtete. | dpa
            Laut dpa stieg die Zahl der Toten auf zwölf.                                | dpa
            Il bilancio è salito a dodici morti, secondo l'agenzia ANSA.                | ANSA
            Число погибших выросло до двенадцати, сообщает ТАСС.                        | TASS
            По данным ТАСС, число погибших выросло до двенадцати.                       | TASS
            Het dodental steeg tot twaalf, meldt ANP.                                   | ANP
            Liczba ofiar wzrosła do dwunastu, podała PAP.                               | PAP
            ارتفع عدد القتلى إلى اثني عشر، وفقا لوكالة رويترز.                           | Reuters
            ارتفع عدد القتلى إلى اثني عشر، نقلا عن وكالة الأنباء السعودية.               | Saudi Press Agency
            وذكرت وكالة الأناضول أن عدد القتلى ارتفع إلى اثني عشر.                      | Anadolu
            据新华社报道，死亡人数已升至十二人。                                           | Xinhua
            死亡人数已升至十二人，美联社报道。                                             | AP
            共同通信によると、死者は12人に増えた。                                          | Kyodo
            연합뉴스에 따르면 사망자는 12명으로 늘었다.                                      | Yonhap
            """)
    void inTextAttribution(String sentence, String party) {
        DocumentProvenance p = text(BODY_FR + "\n\n" + sentence + "\n");
        assertThat(Docs.chain(p)).containsExactly(party);
        assertThat(p.attribution().chain().get(0).evidence().get(0).line()).isEqualTo(3);
    }

    @Test
    void cjkNamesAreLookedForOnlyInLinesWithCjkCharacters() {
        assertThat(TextAttributionRules.mayHoldCjk("Plain text with ‘curly quotes’ — and dashes, Ελληνικά, русский, العربية")).isFalse();
        assertThat(TextAttributionRules.mayHoldCjk("据新华社报道")).isTrue();
        assertThat(TextAttributionRules.mayHoldCjk("ひらがな and カタカナ")).isTrue();
        assertThat(TextAttributionRules.mayHoldCjk("연합뉴스")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The minister told Reuters that the plan was ready.
            The minister said in an interview with AFP that the plan was ready.
            El ministro dijo a EFE que el plan estaba listo.
            El ministro declaró a Prensa Latina que el plan estaba listo.
            El ministro, en entrevista con Prensa Latina, dijo que el plan estaba listo.
            Le ministre a déclaré à l'AFP que le plan était prêt.
            Le ministre a indiqué à Reuters que le plan était prêt.
            O ministro disse à Lusa que o plano estava pronto.
            O ministro disse à Agência Brasil que o plano estava pronto.
            El ministro dijo a EFE, informó la televisión local, que el plan estaba listo.
            The minister told Reuters, reports said, that the plan was ready.
            Le PL a voté contre le projet, et le pl ne change rien.
            The ap was installed by an AP technician near the AFP building.
            """)
    void talkingToAnAgencyIsNoAttribution(String sentence) {
        DocumentProvenance p = text(BODY_EN + "\n\n" + sentence + "\n\n" + BODY_EN);
        assertThat(p.attribution().chain()).isEmpty();
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("no attribution evidence"));
    }

    @Test
    void noEvidenceAtAllGivesAnEmptyChainAndAWarning() {
        DocumentProvenance p = text("Le conseil municipal a voté le budget\n\n" + BODY_FR + "\n\n" + BODY_FR + "\n");
        assertThat(p.attribution().chain()).isEmpty();
        assertThat(p.warnings()).contains("no attribution evidence found: the chain is empty");
    }

    @Test
    void threeHopsSpanish() {
        DocumentProvenance p = text("""
                China anuncia nuevo plan

                BEIJING, 3 mar (Xinhua) -- China anunció hoy un nuevo plan de transporte para la región.

                El plan incluye nuevas líneas de ferrocarril.

                Tomado de Prensa Latina

                https://www.cubadebate.cu/noticias/2026/03/03/china-anuncia-nuevo-plan/
                """);
        assertThat(Docs.chain(p)).containsExactly("Xinhua", "Prensa Latina", "Cubadebate");
        assertThat(p.attribution().chain()).extracting(Hop::role)
                .containsExactly(Hop.ORIGIN, Hop.INTERMEDIARY, Hop.PUBLISHER);
        assertThat(p.attribution().chain()).allSatisfy(h -> assertThat(h.evidence()).isNotEmpty());
        assertThat(p.attribution().chain().get(2).evidence()).extracting(Evidence::field).contains("url host");
    }

    @Test
    void threeHopsFrench() {
        DocumentProvenance p = text("""
                # *La Chine annonce un plan*

                PÉKIN, 3 mars (Xinhua) -- La Chine a annoncé aujourd'hui un nouveau plan de transport.

                Source: Prensa Latina

                <https://www.radiohc.cu/fr/noticias/internacionales/1-la-chine-annonce-un-plan>

                **Radio Habana Cuba**
                """);
        assertThat(Docs.chain(p)).containsExactly("Xinhua", "Prensa Latina", "Radio Habana Cuba");
        assertThat(p.title()).isEqualTo("La Chine annonce un plan");
    }

    @Test
    void threeHopsPortugueseWithUnregisteredPublisher() {
        DocumentProvenance p = text("""
                Governo anuncia plano

                Lisboa, 3 mar (Lusa) - O governo português anunciou hoje um novo plano de transportes.

                Fonte: Agência Brasil

                https://www.brasildefato.com.br/2026/03/03/governo-anuncia-plano
                """);
        assertThat(Docs.chain(p)).containsExactly("Lusa", "Agência Brasil", "brasildefato.com.br");
        assertThat(p.attribution().chain().get(2).registered()).isFalse();
        assertThat(p.language()).isEqualTo("pt");
    }

    @Test
    void closingInformationLineIsNearerThePublisherThanTheDateline() {
        DocumentProvenance p = text("""
                BEIJING, 3 mar (Xinhua) -- China anunció hoy un nuevo plan de transporte para la región.

                Con información de Prensa Latina

                https://www.cubadebate.cu/noticias/2026/03/03/plan/
                """);
        assertThat(Docs.chain(p)).containsExactly("Xinhua", "Prensa Latina", "Cubadebate");
    }

    @Test
    void threeHopsEnglishWithInTextSource() {
        DocumentProvenance p = text("""
                HAVANA, March 3 (Prensa Latina) The death toll rose to twelve, according to Xinhua.

                The rescue teams are still working in the area.

                Source: Radio Habana Cuba
                """);
        assertThat(Docs.chain(p)).containsExactly("Xinhua", "Prensa Latina", "Radio Habana Cuba");
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("publisher of this copy unknown"));
    }

    @Test
    void aliasesOfOneAgencyMergeIntoOneHopKeepingAllEvidence() {
        DocumentProvenance p = text("""
                Caracas, 12 ene (PL) El presidente habló hoy de los nuevos planes de transporte.

                Fuente: Agencia Prensa Latina

                https://www.cubadebate.cu/noticias/2026/01/12/nota/
                """);
        assertThat(Docs.chain(p)).containsExactly("Prensa Latina", "Cubadebate");
        assertThat(p.attribution().chain().get(0).evidence()).extracting(Evidence::text)
                .containsExactly("(PL)", "Fuente: Agencia Prensa Latina");
    }

    @Test
    void publisherOnlyIsAOneHopChainWithAWarning() {
        DocumentProvenance p = text(BODY_ES + "\n\nhttps://www.granma.cu/cuba/2026-03-03/nota\n");
        assertThat(p.attribution().chain()).singleElement().satisfies(h -> {
            assertThat(h.party()).isEqualTo("Granma");
            assertThat(h.role()).isEqualTo(Hop.PUBLISHER);
            assertThat(h.evidence()).extracting(Evidence::field).containsExactly("url host");
        });
        assertThat(p.warnings()).contains("no source named: the chain holds only the publisher");
    }

    @Test
    void agencysOwnDatelineOnItsOwnSiteIsOneHop() {
        DocumentProvenance p = text("Madrid, 30 ago (EFE).- " + BODY_ES + "\n\nhttps://www.efe.com/espana/2026-08-30/nota\n");
        assertThat(p.attribution().chain()).singleElement().satisfies(h -> {
            assertThat(h.party()).isEqualTo("EFE");
            assertThat(h.role()).isEqualTo(Hop.PUBLISHER);
            assertThat(h.evidence()).hasSize(2);
        });
    }

    @Test
    void lastLineNamingAnOutletIsThePublisher() {
        DocumentProvenance p = text("Caracas, 12 ene (PL) " + BODY_ES + "\n\n" + BODY_ES + "\n\n*Juventud Rebelde*\n");
        assertThat(Docs.chain(p)).containsExactly("Prensa Latina", "Juventud Rebelde");
        assertThat(p.attribution().chain().get(1).evidence()).extracting(Evidence::line).containsExactly(5);
    }

    @Test
    void copyrightLineMatchingTheDomainIsThePublisher() {
        DocumentProvenance p = text("PARIS, 3 mars (AFP) - " + BODY_FR + "\n\nhttps://www.lecourrierdusud.fr/article/1\n\n"
                + "© 2026 Le Courrier du Sud. Tous droits réservés.\n");
        assertThat(Docs.chain(p)).containsExactly("AFP", "Le Courrier du Sud");
    }

    @Test
    void unknownLastLineIsNotInventedAsAPublisher() {
        DocumentProvenance p = text(BODY_FR + "\n\nMarie Dupont\n");
        assertThat(p.attribution().chain()).isEmpty();
    }

    @Test
    void userRegistryAddsParties(@TempDir Path tmp) throws Exception {
        Path reg = tmp.resolve("mine.json");
        java.nio.file.Files.writeString(reg, """
                {"parties": [{"name": "Ukrinform", "aliases": ["Ukrainian National News Agency"], "codes": ["UKR"],
                  "domains": ["ukrinform.net"]},
                 {"name": "Prensa Latina", "aliases": ["Prensa Latina Agencia"], "codes": [], "domains": []}]}""");
        ProvenanceAnalyzer analyzer = new ProvenanceAnalyzer(reg);
        DocumentProvenance p = analyzer.analyze(Docs.text(dir, "docs/u.txt",
                "KYIV, March 3 (UKR) - The government spoke.\n\nSource: Prensa Latina Agencia\n\nhttps://www.ukrinform.net/rubric/1.html\n"));
        assertThat(Docs.chain(p)).containsExactly("Prensa Latina", "Ukrinform");
        assertThat(analyzer.registry().byNameOrCode("PL")).isPresent();
    }

    @Test
    void everyHopHasEvidenceWithALine() {
        for (String doc : List.of("Madrid, 30 ago (EFE).- " + BODY_ES + "\n\nTomado de Prensa Latina\n",
                "Le bilan, selon l'agence Xinhua, est lourd.\n\nSource: AFP\n")) {
            DocumentProvenance p = text(doc);
            assertThat(p.attribution().chain()).hasSize(2).allSatisfy(h -> assertThat(h.evidence())
                    .allSatisfy(e -> assertThat(e.line()).isPositive()));
        }
    }
}
