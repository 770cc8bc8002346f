package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** What a page says about itself outside its text: meta tags, link relations, microdata, language. */
class PageMetadataTest {

    private static PageMetadata meta(String html) {
        return PageMetadata.of(HtmlPage.parse(html).document());
    }

    @Test
    void metaValuesByPropertyNameOrItempropInPageOrder() {
        PageMetadata m = meta("""
                <html><head>
                <meta property="og:site_name" content=" Le Journal ">
                <meta name="AUTHOR" content="AFP">
                <meta itemprop="author" content="Jean Dupont">
                <meta name="author" content="">
                <meta name="syndication-source" value="https://www.efe.com/efe/1234">
                </head></html>""");
        assertThat(m.meta("og:site_name")).containsExactly(new MetaValue("Le Journal", "og:site_name", 2));
        assertThat(m.meta("author")).extracting(MetaValue::value, MetaValue::field, MetaValue::line)
                .containsExactly(tuple("AFP", "meta author", 3), tuple("Jean Dupont", "meta author", 4));
        assertThat(m.meta("syndication-source")).extracting(MetaValue::value).containsExactly("https://www.efe.com/efe/1234");
        assertThat(m.first("twitter:site", "og:site_name")).isEqualTo("Le Journal");
        assertThat(m.first("dc.publisher")).isNull();
    }

    @Test
    void linkRelationsGiveTheAddressOfALinkAndTheTextOfAnAnchor() {
        PageMetadata m = meta("""
                <html><head><link rel="canonical syndication-source" href="https://apnews.com/article/1">
                <link rel="author" href="">
                </head><body><p>By <a rel="author" href="/people/ana">Ana Pérez</a></p></body></html>""");
        assertThat(m.links("syndication-source")).extracting(MetaValue::value, MetaValue::field)
                .containsExactly(tuple("https://apnews.com/article/1", "link rel=syndication-source"));
        assertThat(m.links("author")).extracting(MetaValue::value, MetaValue::field).containsExactly(tuple("Ana Pérez", "a rel=author"));
        assertThat(m.links("canon")).isEmpty();
    }

    @Test
    void microdataCountsOnlyInsideAnArticleScope() {
        PageMetadata m = meta("""
                <html><body>
                <div itemscope itemtype="https://schema.org/NewsArticle">
                  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ana Pérez</span></span>
                  <span itemprop="author" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="EFE"></span>
                  <span itemprop="publisher">Diario Ejemplo</span>
                  <meta itemprop="author">
                </div>
                <div itemscope itemtype="https://schema.org/Product"><span itemprop="author">Nobody</span></div>
                <span itemprop="author">Outside</span>
                </body></html>""");
        assertThat(m.microdata("author")).extracting(MetaValue::value, MetaValue::kind, MetaValue::field).containsExactly(
                tuple("Ana Pérez", MetaValue.Kind.PERSON, "microdata author"),
                tuple("EFE", MetaValue.Kind.ORGANIZATION, "microdata author"));
        assertThat(m.microdata("publisher")).extracting(MetaValue::value).containsExactly("Diario Ejemplo");
    }

    @Test
    void languageFromTheHtmlElementThenXmlLangThenMeta() {
        assertThat(meta("<html lang=\" ja \"><head><meta http-equiv=\"content-language\" content=\"en\"></head></html>").lang()).isEqualTo("ja");
        assertThat(meta("<html xml:lang=\"de\"></html>").lang()).isEqualTo("de");
        assertThat(meta("<html><head><meta http-equiv=\"Content-Language\" content=\"pt-BR\"></head></html>").lang()).isEqualTo("pt-BR");
        assertThat(meta("<html><head><meta name=\"DC.language\" content=\"cs\"></head></html>").lang()).isEqualTo("cs");
        assertThat(meta("<html><body><p>x</p></body></html>").lang()).isNull();
    }

    @Test
    void jsonLdIsReadOnce() {
        PageMetadata m = meta("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":\"dpa\"}</script></head></html>");
        assertThat(m.jsonLd()).isSameAs(m.jsonLd());
        assertThat(m.jsonLd().names(m.jsonLd().articles().get(0), "author")).extracting(MetaValue::value).containsExactly("dpa");
    }
}
