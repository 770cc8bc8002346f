package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provkit.provenance.PageFixture.analyze;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The publisher named as it names itself; the host only as a last resort; names that differ only so merged. */
class PublisherNamingTest {

    private static final String BODY = "<p>Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan für den Verkehr vorgestellt.</p>"
            + "<p>Die Ministerin sagte, der Plan solle im Juni beginnen, und die Städte würden daran beteiligt.</p>"
            + "<p>Kritiker bemängeln, dass die Finanzierung, wie schon beim letzten Plan, noch nicht geklärt ist.</p>";

    private static Hop publisher(String head, String host) {
        return publisher(head, "", host);
    }

    private static Hop publisher(String head, String footer, String host) {
        var r = analyze("<html><head>" + head + "</head><body><h1>Neuer Verkehrsplan</h1>" + BODY + footer + "</body></html>", host);
        Hop last = r.chain().get(r.chain().size() - 1);
        assertThat(last.role()).isEqualTo(Hop.PUBLISHER);
        return last;
    }

    @Test
    void jsonLdPublisherAndSiteNameAgreeOnOneHop() {
        Hop p = publisher("""
                <title>Neuer Verkehrsplan | Rheinische Post</title>
                <meta property="og:site_name" content="RP Online">
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Neuer Verkehrsplan",
                 "publisher": {"@type": "Organization", "name": "Rheinische Post"}}</script>""", "rp-online.de");
        assertThat(p.party()).isEqualTo("Rheinische Post");
        assertThat(p.evidence()).extracting(Evidence::field).contains("json-ld publisher");
    }

    @Test
    void theTitlesBrandSegmentConfirmedByAnotherPlace() {
        Hop p = publisher("""
                <title>Neuer Verkehrsplan - Tribune de Genève</title>
                <meta name="application-name" content="Tribune de Genève">""", "www.tdg.ch");
        assertThat(p.party()).isEqualTo("Tribune de Genève");
    }

    @Test
    void aDomainEndingTheBrandDoesNotUseIsCleaned() {
        Hop p = publisher("<title>Neuer Verkehrsplan | Il Mattino.it</title>",
                "<footer><p>© 2020 Il Mattino. Tutti i diritti riservati.</p></footer>", "www.ilmattino.it");
        assertThat(p.party()).isEqualTo("Il Mattino");
    }

    @Test
    void aTaglineIsNoPartOfTheName() {
        Hop p = publisher("<title>Neuer Verkehrsplan</title><meta property=\"og:site_name\" content=\"The Tico Times | Costa Rica News\">",
                "ticotimes.net");
        assertThat(p.party()).isEqualTo("The Tico Times");
    }

    @Test
    void theHostOnlyWhenNothingElseNamesTheSite() {
        Hop p = publisher("<title>Neuer Verkehrsplan</title>", "www.lokalblatt-beispiel.de");
        assertThat(p.party()).isEqualTo("lokalblatt-beispiel.de");
        assertThat(p.evidence()).extracting(Evidence::field).containsExactly("url host");
    }

    @Test
    void aLegalFormIsNoPartOfThePublication() {
        Hop p = publisher("""
                <title>Neuer Verkehrsplan</title>
                <script type="application/ld+json">{"@type": "NewsArticle",
                 "publisher": {"@type": "Organization", "name": "The Irish Times DAC"}}</script>
                <meta property="og:site_name" content="The Irish Times">""", "www.irishtimes.com");
        assertThat(p.party()).isEqualTo("The Irish Times");
    }

    @Test
    void aJsonLdOrganisationThatIsThePublisherJoinsItsHop() {
        var r = analyze("""
                <html><head><title>Neuer Verkehrsplan | Beispielzeitung</title>
                <meta property="og:site_name" content="Beispielzeitung">
                <script type="application/ld+json">{"@type": "NewsArticle",
                 "author": {"@type": "Organization", "name": "Beispielzeitung"},
                 "publisher": {"@type": "Organization", "name": "Beispielzeitung"}}</script></head>
                <body><h1>Neuer Verkehrsplan</h1>""" + BODY + "</body></html>", "www.beispielzeitung.de");
        assertThat(PageFixture.chain(r)).containsExactly("Beispielzeitung");
        assertThat(r.chain().get(0).evidence()).extracting(Evidence::field).contains("json-ld author", "json-ld publisher", "og:site_name");
    }

    @Test
    void namesThatDifferOnlyByDomainEditionOrLegalFormAreOne() {
        assertThat(PublisherNaming.sameName("Globalnews.ca", "Global News")).isTrue();
        assertThat(PublisherNaming.sameName("The Local Sweden", "The Local")).isTrue();
        assertThat(PublisherNaming.sameName("tdg.ch", "Tribune de Genève")).isTrue();
        assertThat(PublisherNaming.sameName("The Irish Times DAC", "The Irish Times")).isTrue();
        assertThat(PublisherNaming.sameName("Portal iG", "iG")).isTrue();
        assertThat(PublisherNaming.sameName("Le Monde", "Le Figaro")).isFalse();
        assertThat(PublisherNaming.sameName("The New York Times Company Magazine Edition", "The New York Times")).isFalse();
        assertThat(PublisherNaming.sameName("", "x")).isFalse();
    }

    @Test
    void theHolderOfACopyrightLine() {
        assertThat(PublisherNaming.holder("© 2026 Beispielzeitung. Alle Rechte vorbehalten.")).isEqualTo("Beispielzeitung");
        assertThat(PublisherNaming.holder("Copyright (c) 2010-2026 Diario Ejemplo S.A. - Calle Mayor 1, Madrid")).isEqualTo("Diario Ejemplo S.A");
        assertThat(PublisherNaming.holder("版权所有：网易公司")).isEqualTo("网易公司");
        assertThat(PublisherNaming.holder("© All rights reserved")).isNull();
    }

    @Test
    void aLinkAboutCopyrightNamesNoHolder() {
        assertThat(PublisherNaming.holder("Copyright Policy")).isNull();
        assertThat(PublisherNaming.holder("Kein Copyright hier")).isNull();
    }

    @Test
    void aBylineNamingTheSiteSupportsItsForm() {
        var r = analyze("""
                <html><head><title>Neuer Verkehrsplan</title><meta property="og:site_name" content="NU.nl"></head>
                <body><h1>Neuer Verkehrsplan</h1><p class="byline">Door: NU.nl</p>""" + BODY + "</body></html>", "www.nu.nl");
        assertThat(PageFixture.chain(r)).isEqualTo(List.of("NU.nl"));
    }
}
