package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provkit.provenance.PageFixture.analyze;
import static org.provkit.provenance.PageFixture.article;
import static org.provkit.provenance.PageFixture.paragraphs;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lead picture's credit: from its own caption or credit element, never from another picture's. */
class PageCreditsTest {

    private static final String BODY = paragraphs(
            "Die Regierung hat am Dienstag, nach langen Beratungen, einen neuen Plan für den Verkehr vorgestellt.",
            "Die Ministerin sagte, der Plan solle im Juni beginnen, und die Städte würden daran beteiligt.",
            "Kritiker bemängeln, dass die Finanzierung, wie schon beim letzten Plan, noch nicht geklärt ist.",
            "Die Opposition kündigte an, den Plan im Parlament, in den Ausschüssen und vor Gericht anzufechten.");

    private static List<Credit> credits(String head, String body, String extra) {
        return analyze(article("Neuer Verkehrsplan", head, body, "") .replace("</article>", "</article>" + extra),
                "www.beispiel.de").credits();
    }

    @Test
    void theLeadPicturesFigcaptionCredit() {
        List<Credit> c = credits("<figure><img src=\"/img/bruecke-1200x675.jpg\"><figcaption>Die Brücke am Morgen. "
                + "Foto: Marijan Murat/dpa</figcaption></figure>", BODY, "");
        assertThat(c).extracting(Credit::party, Credit::registered, Credit::lead, Credit::asset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dpa", true, true, "image"));
        assertThat(c.get(0).evidence().field()).isEqualTo("lead picture caption");
        assertThat(c.get(0).evidence().text()).isEqualTo("Foto: Marijan Murat/dpa");
        assertThat(c.get(0).evidence().path()).endsWith("figcaption");
    }

    @Test
    void aCreditSpanInTheCaption() {
        List<Credit> c = credits("<figure><img src=\"/img/bruecke.jpg\"><figcaption>Die Brücke am Morgen "
                + "<span class=\"caption__credit\">Reuters</span></figcaption></figure>", BODY, "");
        assertThat(c).extracting(Credit::party).containsExactly("Reuters");
        assertThat(c.get(0).lead()).isTrue();
    }

    @Test
    void aSmallCreditInTheFigcaptionNamingAPhotoAgency() {
        List<Credit> c = credits("<figure><img src=\"/img/bruecke.jpg\"><figcaption>Die Brücke am Morgen. "
                + "<small>Getty Images</small></figcaption></figure>", BODY, "");
        assertThat(c).extracting(Credit::party).containsExactly("Getty Images");
    }

    @Test
    void picturesOfTeasersAndAsidesGiveNoCredit() {
        List<Credit> c = credits("<figure><img src=\"/img/bruecke.jpg\"><figcaption>Die Brücke am Morgen.</figcaption></figure>", BODY,
                "<aside class=\"teaser\"><figure><img src=\"/img/anderes.jpg\"><figcaption>Foto: AFP</figcaption></figure>"
                        + "<h3><a href=\"/anderes\">Eine andere Geschichte</a></h3></aside>");
        assertThat(c).isEmpty();
    }

    @Test
    void anotherPicturesCreditNeverStandsInForTheLeads() {
        String body = BODY.replaceFirst("</p>", "</p><figure><img src=\"/img/karte.jpg\"><figcaption>Die Karte. Foto: EFE</figcaption></figure>");
        List<Credit> c = credits("<figure><img src=\"/img/bruecke.jpg\"><figcaption>Die Brücke am Morgen.</figcaption></figure>", body, "");
        assertThat(c).isEmpty();
    }

    @Test
    void theLeadsOwnAttributesConfirmTheCreditItsOtherPicturesPrint() {
        String body = BODY.replaceFirst("</p>", "</p><figure><img src=\"/img/karte.jpg\"><figcaption>Die Karte. Foto: EFE</figcaption></figure>");
        List<Credit> c = credits("<div class=\"hero\"><img src=\"/img/bruecke.jpg\" data-credit=\"EFE\"></div>", body, "");
        assertThat(c).extracting(Credit::party, Credit::lead).containsExactly(org.assertj.core.groups.Tuple.tuple("EFE", true));
    }

    @Test
    void aCreditThatNamesNobodyLeavesTheLeadUncredited() {
        List<Credit> c = credits("<figure><img src=\"/img/handy.jpg\"><figcaption>Das neue Telefon (Bild: Hersteller)</figcaption></figure>",
                BODY + "<p>Foto: dpa</p>", "");
        assertThat(c).isEmpty();
    }

    @Test
    void logosIconsAndAuthorFacesAreNoPictures() {
        var doc = org.provkit.page.HtmlPage.parse("""
                <div class="site-logo"><img id=a src="/logo.png"></div>
                <div class="byline"><img id=b src="/people/anna.jpg"></div>
                <img id=c src="/img/icon-share.png">
                <img id=d src="/img/pic.jpg?w=40&h=40">
                <img id=e src="/img/bruecke-100x100.jpg">
                <figure><img id=f src="/img/bruecke-1200x675.jpg"></figure>""").document();
        assertThat(doc.select("img")).extracting(img -> img.id() + "=" + PageCredits.picture(img))
                .containsExactly("a=false", "b=false", "c=false", "d=false", "e=false", "f=true");
    }

    @Test
    void fileKeysIgnoreSizesQueriesAndExtensions() {
        assertThat(PageCredits.fileKey("https://cdn.example.com/img/bielorrusia-1.r_d.800-478.jpeg?x=1")).isEqualTo("bielorrusia-1");
        assertThat(PageCredits.fileKey("/uploads/bruecke-1200x675.jpg")).isEqualTo("bruecke");
        assertThat(PageCredits.fileKey("/a/b.jpg")).isNull();
        assertThat(PageCredits.fileKey(" ")).isNull();
    }
}
