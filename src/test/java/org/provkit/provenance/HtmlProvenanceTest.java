package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML: metadata, JSON-LD, footer, images Tika drops (srcset, data-src), figcaptions. */
class HtmlProvenanceTest {

    @TempDir
    Path dir;

    private DocumentProvenance html(String html, String... siblings) {
        return Docs.analyze(Docs.html(dir, "site/news/article.html", html, siblings));
    }

    @Test
    void jsonLdPublisherSourceOrganizationAndAuthor() {
        DocumentProvenance p = html("""
                <html lang="es"><head><title>Nuevo plan de transporte - Portal Ejemplo</title>
                <meta property="og:url" content="https://portal.example.org/2026/03/plan">
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Nuevo plan",
                 "publisher": {"@type": "Organization", "name": "Portal Ejemplo"},
                 "sourceOrganization": {"@type": "Organization", "name": "Agencia EFE"},
                 "author": [{"@type": "Person", "name": "Ana Pérez"}]}
                </script></head><body>
                <h1>Nuevo plan de transporte</h1>
                <p>El gobierno presentó ayer un nuevo plan para el transporte público de toda la región.</p>
                </body></html>""");
        assertThat(Docs.chain(p)).containsExactly("EFE", "Portal Ejemplo");
        assertThat(p.attribution().chain().get(0).evidence()).extracting(Evidence::field).contains("json-ld sourceOrganization");
        assertThat(p.attribution().chain().get(1).evidence()).extracting(Evidence::field)
                .contains("json-ld publisher", "url host");
        assertThat(p.authors()).containsExactly("Ana Pérez");
        assertThat(p.canonicalUrl()).isEqualTo("https://portal.example.org/2026/03/plan");
        assertThat(p.title()).isEqualTo("Nuevo plan de transporte");
        assertThat(p.language()).isEqualTo("es");
    }

    @Test
    void isBasedOnAndMetaAuthorAgency() {
        DocumentProvenance p = html("""
                <html><head><title>Le plan</title>
                <meta name="author" content="AFP">
                <link rel="canonical" href="/2026/03/plan">
                <meta property="og:url" content="https://www.journal-exemple.fr/2026/03/plan">
                <meta property="og:site_name" content="Journal Exemple">
                <script type="application/ld+json">
                {"@graph": [{"@type": "NewsArticle", "isBasedOn": "https://www.prensa-latina.cu/2026/03/03/plan"}]}
                </script></head><body>
                <p>Le gouvernement a présenté hier un nouveau plan pour les transports publics de la région.</p>
                </body></html>""");
        assertThat(Docs.chain(p)).containsExactly("AFP", "Prensa Latina", "Journal Exemple");
        assertThat(p.canonicalUrl()).isEqualTo("https://www.journal-exemple.fr/2026/03/plan");
        assertThat(p.attribution().chain().get(0).evidence()).extracting(Evidence::field).containsExactly("meta author");
    }

    @Test
    void footerCopyrightIsPublisherEvidence() {
        DocumentProvenance p = html("""
                <html><head><title>O plano</title>
                <link rel="canonical" href="https://www.jornalexemplo.com.br/plano"></head><body>
                <p>Brasília, 3 mar (Agência Brasil) - O governo apresentou ontem um novo plano de transportes.</p>
                <footer><p>© 2026 Jornal Exemplo. Todos os direitos reservados.</p></footer>
                </body></html>""");
        assertThat(Docs.chain(p)).containsExactly("Agência Brasil", "Jornal Exemplo");
        assertThat(p.attribution().chain().get(1).evidence()).extracting(Evidence::in).contains(Evidence.IN_MARKUP);
        assertThat(p.language()).isEqualTo("pt");
    }

    @Test
    void imagesTikaDropsAreChecked() {
        DocumentProvenance p = html("""
                <html><head><title>Fotos</title></head><body>
                <p>The government presented a new plan for public transport in the region yesterday.</p>
                <figure><img data-src="img/lazy.jpg" alt="lazy"><figcaption>The bridge. Photo: Reuters</figcaption></figure>
                <img srcset="img/small.jpg 480w, img/large.jpg 1080w" alt="srcset only">
                <p>Foto: ACN</p>
                <img src="img/present.jpg" alt="here">
                <img src="https://cdn.example.com/pic.jpg" alt="external">
                <img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
                <video controls><source src="media/clip.mp4" type="video/mp4"></video>
                <img src="../../site/news/img/present.jpg?v=2" alt="here too">
                </body></html>""", "site/news/img/present.jpg");
        assertThat(p.missingAssets()).extracting(MissingAsset::marker).containsExactly("img/lazy.jpg", "img/small.jpg", "media/clip.mp4");
        assertThat(p.missingAssets()).extracting(MissingAsset::kind).containsExactly("image", "image", "video");
        assertThat(p.missingAssets()).extracting(MissingAsset::credit).containsExactly("Reuters", "Agencia Cubana de Noticias", null);
        assertThat(p.missingAssets()).extracting(MissingAsset::target)
                .containsExactly("site/news/img/lazy.jpg", "site/news/img/small.jpg", "site/news/media/clip.mp4");
        assertThat(p.missingAssets()).allSatisfy(m -> {
            assertThat(m.line()).isPositive();
            assertThat(m.in()).isEqualTo(Evidence.IN_MARKUP);
        });
        assertThat(p.urls()).filteredOn(u -> u.role().equals(UrlRef.IMAGE)).extracting(UrlRef::url)
                .containsExactly("https://cdn.example.com/pic.jpg");
        assertThat(p.credits()).extracting(Credit::party).contains("Reuters", "Agencia Cubana de Noticias");
    }

    @Test
    void titleKeepsASuffixThatIsNotTheSiteName() {
        DocumentProvenance p = html("""
                <html><head><title>Cuba - Estados Unidos: nuevas conversaciones</title>
                <meta property="og:site_name" content="Granma"></head><body>
                <p>El gobierno presentó ayer un nuevo plan para el transporte público de la región.</p></body></html>""");
        assertThat(p.title()).isEqualTo("Cuba - Estados Unidos: nuevas conversaciones");
        assertThat(Docs.chain(p)).containsExactly("Granma");
    }

    @Test
    void charsetFromMetadataIsUsedForTheRawMarkup() throws Exception {
        Path f = dir.resolve("latin1.html");
        java.nio.file.Files.write(f, ("<html><head><meta charset=\"iso-8859-1\"><title>Révolution</title>"
                + "<meta property=\"og:site_name\" content=\"Télam\"></head><body><p>Le gouvernement a présenté hier "
                + "un nouveau plan pour les transports publics de la région.</p></body></html>").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        DocumentProvenance p = Docs.analyze(Docs.tika(dir, f, "x/latin1.html"));
        assertThat(Docs.chain(p)).containsExactly("Télam");
        assertThat(p.title()).isEqualTo("Révolution");
    }

    @Test
    void originalAndSyndicationSourceMetaTags() {
        DocumentProvenance p = html("""
                <html><head><title>Plan</title>
                <meta name="original-source" content="https://www.xinhuanet.com/english/2026-03/03/c_1.htm">
                <meta name="syndication-source" content="https://www.prensa-latina.cu/2026/03/03/plan">
                <meta property="og:site_name" content="Radio Habana Cuba"></head><body>
                <p>The government presented a new plan for public transport in the region yesterday.</p></body></html>""");
        assertThat(Docs.chain(p)).containsExactly("Xinhua", "Prensa Latina", "Radio Habana Cuba");
        assertThat(p.attribution().chain().get(0).evidence()).extracting(Evidence::field).containsExactly("meta original-source");
    }

    @Test
    void frenchSitePageLikeTheSample() {
        DocumentProvenance p = html("""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
                <title>La ligne ferroviaire rouvre après les inondations | Le Courrier Régional</title>
                <meta property="og:site_name" content="Le Courrier Régional">
                <link rel="canonical" href="https://www.courrier-regional.example/actu/2026/04/ligne-rouvre">
                </head><body><h1>La ligne ferroviaire rouvre après les inondations</h1>
                <picture><source srcset="img/pont.webp 1x, img/pont@2x.webp 2x"><img src="img/pont.jpg" alt="Le pont"></picture>
                <p class="credit">Photo : AFP</p>
                <p>LYON, 2 avril (AFP) - La ligne ferroviaire régionale a rouvert jeudi après trois semaines de travaux.</p>
                <p>Les trains circuleront selon un horaire réduit jusqu'à la fin du mois.</p>
                <p><em>Avec AFP</em></p></body></html>""");
        assertThat(Docs.chain(p)).containsExactly("AFP", "Le Courrier Régional");
        assertThat(p.language()).isEqualTo("fr");
        assertThat(p.title()).isEqualTo("La ligne ferroviaire rouvre après les inondations");
        assertThat(p.canonicalUrl()).isEqualTo("https://www.courrier-regional.example/actu/2026/04/ligne-rouvre");
        assertThat(p.missingAssets()).singleElement().satisfies(m -> {
            assertThat(m.marker()).isEqualTo("img/pont.webp");
            assertThat(m.credit()).isEqualTo("AFP");
        });
        assertThat(p.credits()).extracting(Credit::party).containsExactly("AFP");
    }

    @Test
    void spanishSitePageWithThreeHops() {
        DocumentProvenance p = html("""
                <html><head><title>China anuncia plan</title>
                <meta property="og:site_name" content="Radio Habana Cuba">
                <meta property="og:url" content="https://www.radiohc.cu/noticias/internacionales/1-china-anuncia-plan"></head><body>
                <p>BEIJING, 3 mar (Xinhua) -- China anunció hoy un nuevo plan de transporte para toda la región.</p>
                <figure><img data-src="/images/plan.jpg"><figcaption>Foto: Xinhua</figcaption></figure>
                <p>Fuente: Prensa Latina</p></body></html>""");
        assertThat(Docs.chain(p)).containsExactly("Xinhua", "Prensa Latina", "Radio Habana Cuba");
        assertThat(p.attribution().chain()).extracting(Hop::role).containsExactly(Hop.ORIGIN, Hop.INTERMEDIARY, Hop.PUBLISHER);
        assertThat(p.missingAssets()).singleElement().satisfies(m -> {
            assertThat(m.target()).isEqualTo("images/plan.jpg");
            assertThat(m.credit()).isEqualTo("Xinhua");
        });
    }

    @Test
    void portugueseSitePageWithComLusa() {
        DocumentProvenance p = html("""
                <html><head><title>Governo anuncia plano</title>
                <meta property="og:site_name" content="Jornal do Porto">
                <link rel="canonical" href="https://www.jornaldoporto.example/politica/plano"></head><body>
                <p>O Governo anunciou hoje um novo plano de habitação que prevê dez mil casas até 2030.</p>
                <p>Com Lusa</p></body></html>""");
        assertThat(Docs.chain(p)).containsExactly("Lusa", "Jornal do Porto");
        assertThat(p.language()).isEqualTo("pt");
        assertThat(p.missingAssets()).isEmpty();
    }

    @Test
    void metaPublisherNamesTheOutlet() {
        DocumentProvenance p = html("""
                <html><head><title>Plan</title><meta name="publisher" content="Periódico Granma"></head><body>
                <p>La Habana, 3 mar (ACN) El gobierno presentó ayer un nuevo plan para el transporte público.</p></body></html>""");
        // Parties are named as the page writes them (realnews-dev's annotation contract); the registry's name rides along.
        assertThat(Docs.chain(p)).containsExactly("ACN", "Periódico Granma");
        assertThat(p.attribution().chain()).extracting(Hop::registryName).containsExactly("Agencia Cubana de Noticias", "Granma");
        assertThat(p.attribution().chain().get(1).evidence()).extracting(Evidence::field).containsExactly("meta publisher");
    }

    @Test
    void pageWithoutAnyEvidenceHasAnEmptyChain() {
        DocumentProvenance p = html("""
                <html><head><title>Notes</title></head><body><h1>Notes</h1>
                <p>The meeting approved the budget. The next meeting is on Tuesday at the usual place.</p>
                <footer><p>Contact: office@example.org</p></footer></body></html>""");
        assertThat(p.attribution().chain()).isEmpty();
        assertThat(p.warnings()).contains("no attribution evidence found: the chain is empty");
    }
}
