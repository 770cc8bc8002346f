package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The schema.org objects of a page's JSON-LD: found through arrays, @graph and nesting, references resolved. */
class JsonLdTest {

    private static JsonLd ld(String... scripts) {
        StringBuilder html = new StringBuilder("<html><head>\n");
        for (String s : scripts) {
            html.append("<script type=\"application/ld+json\">").append(s).append("</script>\n");
        }
        return JsonLd.of(HtmlPage.parse(html.append("</head><body></body></html>").toString()).document());
    }

    private static List<String> values(List<MetaValue> v) {
        return v.stream().map(MetaValue::value).toList();
    }

    @Test
    void graphReferencesResolveToTheObjectTheyName() {
        JsonLd ld = ld("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "NewsMediaOrganization", "@id": "https://ex.org/#org", "name": "Diario Ejemplo"},
                  {"@type": "NewsArticle", "headline": "Plan", "publisher": {"@id": "https://ex.org/#org"},
                   "author": {"@type": "Person", "name": "Ana Pérez"}}]}""");
        assertThat(ld.articles()).hasSize(1);
        JsonLd.Node article = ld.articles().get(0);
        List<MetaValue> publisher = ld.names(article, "publisher");
        assertThat(publisher).containsExactly(new MetaValue("Diario Ejemplo", "json-ld publisher", 2, MetaValue.Kind.ORGANIZATION));
        assertThat(ld.names(article, "author")).containsExactly(new MetaValue("Ana Pérez", "json-ld author", 2, MetaValue.Kind.PERSON));
    }

    @Test
    void aPersonsAffiliationIsAnOrganisationOfTheSameField() {
        JsonLd ld = ld("""
                {"@type": "ReportageNewsArticle", "author": [
                  {"@type": "Person", "name": "Jean Dupont", "affiliation": {"@type": "Organization", "name": "AFP"}},
                  {"@type": "Person", "name": "Ana Pérez", "worksFor": "EFE"},
                  "Redacción"]}""");
        List<MetaValue> authors = ld.names(ld.articles().get(0), "author");
        assertThat(authors).extracting(MetaValue::value).containsExactly("Jean Dupont", "AFP", "Ana Pérez", "EFE", "Redacción");
        assertThat(authors).extracting(MetaValue::kind).containsExactly(MetaValue.Kind.PERSON, MetaValue.Kind.ORGANIZATION,
                MetaValue.Kind.PERSON, MetaValue.Kind.ORGANIZATION, MetaValue.Kind.UNKNOWN);
        assertThat(authors).extracting(MetaValue::field).containsExactly("json-ld author", "json-ld author affiliation",
                "json-ld author", "json-ld author worksFor", "json-ld author");
    }

    @Test
    void articlesOfEveryKindAndPagesOnlyWhenThereIsNoArticle() {
        JsonLd both = ld("{\"@type\": \"WebPage\", \"name\": \"Seite\"}", "{\"@type\": [\"BlogPosting\"], \"headline\": \"Post\"}",
                "{\"@type\": \"http://schema.org/NewsArticle\", \"headline\": \"Voll\"}");
        assertThat(both.articles()).extracting(n -> JsonLd.text(n.json().get("headline"))).containsExactly("Post", "Voll");
        assertThat(both.articles()).extracting(JsonLd.Node::line).containsExactly(3, 4);
        JsonLd pageOnly = ld("{\"@type\": \"WebPage\", \"name\": \"Seite\"}", "{\"@type\": \"BreadcrumbList\"}");
        assertThat(pageOnly.articles()).extracting(n -> JsonLd.text(n.json().get("name"))).containsExactly("Seite");
    }

    @Test
    void nestedObjectsAndBrokenBlocksAreHandled() {
        JsonLd ld = ld("{\"@type\": \"Article\", \"headline\": \"Biden \"incapacitado\"\",}",
                "this is not json",
                "[{\"@type\": \"WebSite\", \"name\": \"Site\", \"potentialAction\": {\"@type\": \"SearchAction\"}}]");
        assertThat(ld.articles()).extracting(n -> JsonLd.text(n.json().get("headline"))).containsExactly("Biden \"incapacitado\"");
        assertThat(ld.ofType(Pattern.compile("SearchAction|WebSite"))).hasSize(2);
        assertThat(ld.ofType(JsonLd.organizationTypes())).extracting(n -> JsonLd.text(n.json().get("name"))).containsExactly("Site");
    }

    @Test
    void scriptsOfOtherTypesAreNotRead() {
        var doc = Jsoup.parse("<script type=\"application/json\">{\"@type\": \"NewsArticle\"}</script>"
                + "<script>{\"@type\": \"NewsArticle\"}</script>"
                + "<script type=\" Application/LD+JSON; charset=utf-8\">{\"@type\": \"NewsArticle\", \"headline\": \"x\"}</script>");
        assertThat(JsonLd.of(doc).articles()).hasSize(1);
    }

    @Test
    void textTakesTheFirstOfAnArrayAndTheValueOfAValueObject() throws Exception {
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(JsonLd.text(m.readTree("[\" Erster \", \"Zweiter\"]"))).isEqualTo("Erster");
        assertThat(JsonLd.text(m.readTree("{\"@value\": \"Titel\", \"@language\": \"de\"}"))).isEqualTo("Titel");
        assertThat(JsonLd.text(m.readTree("\"  \""))).isNull();
        assertThat(JsonLd.text(m.readTree("[]"))).isNull();
        assertThat(JsonLd.text(null)).isNull();
    }

    @Test
    void legalNameStandsInForAMissingName() {
        JsonLd ld = ld("{\"@type\": \"NewsArticle\", \"publisher\": {\"@type\": \"Organization\", \"legalName\": \"Ejemplo S.A.\"},"
                + " \"copyrightHolder\": [\"AP\", {\"name\": \"Reuters\"}]}");
        JsonLd.Node a = ld.articles().get(0);
        assertThat(values(ld.names(a, "publisher"))).containsExactly("Ejemplo S.A.");
        assertThat(ld.names(a, "copyrightHolder")).extracting(MetaValue::value, MetaValue::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AP", MetaValue.Kind.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("Reuters", MetaValue.Kind.UNKNOWN));
        assertThat(ld.names(a, "sourceOrganization")).isEmpty();
    }
}
