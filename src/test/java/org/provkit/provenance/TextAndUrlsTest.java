package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URLs, language, title, the bounded text reader and the registry. */
class TextAndUrlsTest {

    @TempDir
    Path dir;

    private DocumentProvenance text(String content) {
        return Docs.analyze(Docs.text(dir, "docs/a.txt", content));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://WWW.Example.COM:443/a/b?x=1#frag | https://www.example.com/a/b?x=1 | example.com
            http://news.bbc.co.uk                    | http://news.bbc.co.uk/          | bbc.co.uk
            https://www.radiohc.cu/fr/noticias/1      | https://www.radiohc.cu/fr/noticias/1 | radiohc.cu
            www.cubadebate.cu/noticias/               | http://www.cubadebate.cu/noticias/ | cubadebate.cu
            https://agenciabrasil.ebc.com.br/geral/x  | https://agenciabrasil.ebc.com.br/geral/x | ebc.com.br
            http://example.org:8080/                  | http://example.org:8080/        | example.org
            https://www.dailycourier.example/news     | https://www.dailycourier.example/news | dailycourier.example
            https://xn--mnchen-3ya.de/               | https://xn--mnchen-3ya.de/      | xn--mnchen-3ya.de
            """)
    void normalisedFormAndRegistrableDomain(String raw, String normalized, String domain) {
        assertThat(Urls.normalize(raw)).isEqualTo(normalized);
        assertThat(Urls.domain(raw)).isEqualTo(domain);
    }

    @Test
    void kanaMakesChineseJapaneseAndNothingElseChanges() {
        assertThat(LanguageDetection.byScript("zh", "日中両国の首脳は12日、電話で会談した。")).isEqualTo("ja");
        assertThat(LanguageDetection.byScript("zh", "中国与东盟国家周三在北京签署了新的贸易协定。")).isEqualTo("zh");
        assertThat(LanguageDetection.byScript("ko", "日中両国の首脳は")).isEqualTo("ko");
        assertThat(LanguageDetection.byScript("en", "plain text")).isEqualTo("en");
    }

    @Test
    void everyUrlInTheTextWithItsRole() {
        DocumentProvenance p = text("""
                Title

                See https://www.granma.cu/cuba/nota-1, and [the report](https://www.acn.cu/informe).

                More at www.telesurtv.net/news.

                https://www.cubadebate.cu/noticias/2026/nota/
                """);
        assertThat(p.urls()).extracting(UrlRef::url, UrlRef::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://www.cubadebate.cu/noticias/2026/nota/", UrlRef.CANONICAL),
                org.assertj.core.groups.Tuple.tuple("https://www.acn.cu/informe", UrlRef.LINK),
                org.assertj.core.groups.Tuple.tuple("https://www.granma.cu/cuba/nota-1", UrlRef.MENTIONED),
                org.assertj.core.groups.Tuple.tuple("www.telesurtv.net/news", UrlRef.MENTIONED));
        assertThat(p.urls().get(2).line()).isEqualTo(3);
    }

    @Test
    void labelledUrlLineIsCanonical() {
        DocumentProvenance p = text("URL: https://www.juventudrebelde.cu/cuba/2026-03-03/nota\n\nEl gobierno presentó ayer un plan.\n");
        assertThat(p.canonicalUrl()).isEqualTo("https://www.juventudrebelde.cu/cuba/2026-03-03/nota");
        assertThat(Docs.chain(p)).containsExactly("Juventud Rebelde");
    }

    @Test
    void urlInsideASentenceIsNotCanonical() {
        DocumentProvenance p = text("El informe está en https://www.granma.cu/informe y fue publicado ayer por la tarde.\n");
        assertThat(p.canonicalUrl()).isNull();
        assertThat(p.attribution().chain()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Le gouvernement a présenté hier un nouveau plan pour les transports publics de la région parisienne.
            es | El gobierno presentó ayer un nuevo plan para el transporte público de la región metropolitana.
            en | The government presented a new plan for public transport in the metropolitan region yesterday.
            pt | O governo apresentou ontem um novo plano para o transporte público da região metropolitana.
            de | Die Regierung hat gestern einen neuen Plan für den öffentlichen Verkehr in der Region vorgestellt.
            ru | Правительство вчера представило новый план развития общественного транспорта в регионе.
            ar | قدمت الحكومة أمس خطة جديدة للنقل العام في المنطقة الحضرية.
            zh | 中国与东盟国家周三在北京签署了新的贸易协定，双方同意进一步降低关税。
            ja | 日中首脳が電話会談。日中両国の首脳は12日、電話で会談した。
            ko | 정부는 어제 수도권 대중교통을 위한 새로운 계획을 발표했다.
            """)
    void languageIso6391(String lang, String sentence) {
        assertThat(text(sentence + "\n").language()).isEqualTo(lang);
    }

    @Test
    void tooLittleTextHasNoLanguageAndSaysSo() {
        DocumentProvenance p = text("OK\n");
        assertThat(p.language()).isNull();
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("language not detected"));
    }

    @Test
    void markdownHeadingWithEmphasisIsTheTitle() {
        assertThat(text(" \n\n# *Xi Jinping ratifie à Miguel Díaz-Canel l'amitié*\n\n---\n\nTexte.\n").title())
                .isEqualTo("Xi Jinping ratifie à Miguel Díaz-Canel l'amitié");
        assertThat(text("## **Gran** _noticia_ de hoy\n\nTexto.\n").title()).isEqualTo("Gran noticia de hoy");
    }

    @Test
    void byteOrderMarkAndCrLfAreNoText() {
        DocumentProvenance p = text("\uFEFF# Titre du jour\r\n\r\nLe gouvernement a présenté hier un nouveau plan pour la région.\r\n\r\nSource: AFP\r\n");
        assertThat(p.title()).isEqualTo("Titre du jour");
        assertThat(p.attribution().chain()).singleElement().satisfies(h -> {
            assertThat(h.party()).isEqualTo("AFP");
            assertThat(h.evidence().get(0).text()).isEqualTo("Source: AFP");
            assertThat(h.evidence().get(0).line()).isEqualTo(5);
        });
    }

    @Test
    void firstLineIsATitleOnlyWhenItLooksLikeOne() {
        assertThat(text("Inauguran nueva sala de lectura\n\nLa biblioteca abrió.\n").titleSource()).isEqualTo("first line");
        assertThat(text("La biblioteca abrió este sábado una sala.\n\nMás texto.\n").title()).isNull();
        assertThat(text("https://www.granma.cu/x\n\nMás texto.\n").title()).isNull();
        assertThat(text("Por EFE\n\nEl gobierno presentó ayer un nuevo plan para el transporte.\n").title()).isNull();
    }

    @Test
    void siteSuffixIsStrippedOnlyWhenItIsTheSiteName() {
        assertThat(ProvenanceAnalyzer.stripSiteSuffix("Rail line reopens | Daily Courier", List.of("Daily Courier")))
                .isEqualTo("Rail line reopens");
        assertThat(ProvenanceAnalyzer.stripSiteSuffix("Cuba - Estados Unidos", List.of("Granma"))).isEqualTo("Cuba - Estados Unidos");
    }

    @Test
    void hugeSingleLineTextIsAnalysedQuicklyAndBounded() throws Exception {
        Path big = dir.resolve("big.txt");
        byte[] chunk = "abcdefghij ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("Madrid, 30 ago (EFE).- ".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 62; i++) {
                out.write(chunk);
            }
        }
        assertThat(Files.size(big)).isGreaterThan(64L << 20);
        long start = System.nanoTime();
        DocumentProvenance p = Docs.analyze(new SourceDocument("docs/big.txt", big, "text/plain", big, Map.of(), Set.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThan(15_000);
        assertThat(Docs.chain(p)).containsExactly("EFE");
        assertThat(p.warnings()).anyMatch(w -> w.contains("analysed only in part"));
    }

    @Test
    void lineNumbersStayTrueAcrossTheSkippedMiddle() throws Exception {
        Path f = dir.resolve("lines.txt");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            b.append(i == 19_999 ? "Fuente: EFE" : "line " + i).append('\n');
        }
        Files.writeString(f, b);
        TextLines lines = TextLines.read(f, 1_000, 1_000, 100);
        assertThat(lines.skippedMiddle()).isTrue();
        assertThat(lines.totalLines()).isEqualTo(20_000);
        assertThat(lines.lines()).filteredOn(l -> l.text().equals("Fuente: EFE")).extracting(TextLines.Line::number)
                .containsExactly(19_999);
        assertThat(lines.lines().get(0)).isEqualTo(new TextLines.Line(1, "line 1", false));
    }

    @Property(tries = 200)
    void readerAgreesWithSplittingSmallTexts(@ForAll @StringLength(max = 300) String s) throws Exception {
        Path f = Files.createTempFile("lines", ".txt");
        try {
            Files.writeString(f, s, StandardCharsets.UTF_8);
            TextLines read = TextLines.read(f);
            TextLines split = TextLines.of(s);
            assertThat(read.lines()).extracting(TextLines.Line::number).containsExactlyElementsOf(
                    split.lines().stream().map(TextLines.Line::number).toList());
            assertThat(read.totalLines()).isEqualTo(split.totalLines());
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void registryMatchesNamesLooselyAndCodesExactly() {
        PartyRegistry r = PartyRegistry.builtIn();
        assertThat(r.byNameOrCode("agence france-presse")).map(Party::name).hasValue("AFP");
        assertThat(r.byNameOrCode("Agence France Presse")).map(Party::name).hasValue("AFP");
        assertThat(r.byNameOrCode("PL")).map(Party::name).hasValue("Prensa Latina");
        assertThat(r.byNameOrCode("pl")).isEmpty();
        assertThat(r.byNameOrCode("ap")).isEmpty();
        assertThat(r.byNameOrCode("AP")).map(Party::name).hasValue("AP");
        assertThat(r.byNameOrCode("Agencia Brasil")).map(Party::name).hasValue("Agência Brasil");
        assertThat(r.byHost("www.radiohc.cu")).map(Party::name).hasValue("Radio Habana Cuba");
        assertThat(r.byHost("spanish.news.cn")).map(Party::name).hasValue("Xinhua");
        assertThat(r.byHost("notradiohc.cu")).isEmpty();
        assertThat(r.findNames("Un texto de Radio Havana Cuba y de la agencia Prensa Latina")).extracting(m -> m.party().name())
                .containsExactly("Radio Habana Cuba", "Prensa Latina");
        for (String required : List.of("Prensa Latina", "Radio Habana Cuba", "Agencia Cubana de Noticias", "Cubadebate", "Granma",
                "Juventud Rebelde", "teleSUR", "EFE", "AFP", "Reuters", "AP", "Xinhua", "TASS", "Sputnik", "ANSA", "dpa",
                "Europa Press", "Lusa", "Agência Brasil", "IPS", "Anadolu", "Kyodo", "Yonhap", "PTI")) {
            assertThat(r.byName(required)).as(required).isPresent();
        }
        assertThat(r.byNameOrCode("RIA Novosti")).map(Party::name).hasValue("Sputnik");
        assertThat(r.byHost("plenglish.com")).map(Party::name).hasValue("Prensa Latina");
    }

    @Test
    void unreadableRegistryFileIsAClearError() {
        Path missing = dir.resolve("nope.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProvenanceAnalyzer(missing))
                .isInstanceOf(org.provkit.ProvkitException.class).hasMessageContaining("nope.json");
    }
}
