package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credit in a picture's caption or credit line, in the forms news pages print it. */
class CaptionCreditsTest {

    private final CaptionCredits captions = new CaptionCredits(PageFixture.RESOLVER, null);

    private Optional<String> who(String caption) {
        return captions.inCaption(caption).map(CaptionCredits.Found::who);
    }

    @Test
    void labelledCreditsInManyLanguages() {
        assertThat(who("Die Brücke am Morgen. Foto: Marijan Murat/dpa")).contains("dpa");
        assertThat(who("Le pont au matin. Photo : Ludovic Marin / AFP")).contains("AFP");
        assertThat(who("El puente. Foto: EFE/Juan Pérez")).contains("EFE");
        assertThat(who("The bridge. Photograph: Evan Vucci/AP")).contains("AP");
        assertThat(who("Il ponte | Foto: ANSA")).contains("ANSA");
    }

    @Test
    void agencyPhotoInBrackets() {
        var f = captions.inCaption("President speaks in Washington. (AP Photo/Evan Vucci)");
        assertThat(f).contains(new CaptionCredits.Found("AP", "(AP Photo/Evan Vucci)"));
        assertThat(who("El presidente en Madrid. (AP Foto/Bernat Armangué)")).contains("AP");
    }

    @Test
    void copyrightWithTheAgencyInBrackets() {
        assertThat(who("Papst Franziskus beim Angelus. © Cristian Gennari (KNA)")).contains("KNA");
    }

    @Test
    void agencyAfterADashOrInTrailingBrackets() {
        assertThat(who("Le roi Philippe à Bruxelles - Belga")).contains("Belga");
        assertThat(who("Manifestantes en Santiago (Reuters)")).contains("Reuters");
    }

    @Test
    void nameSlashAgencyAndAgencySlashName() {
        assertThat(who("Ein Demonstrant in Prag.  Vít Šimánek / ČTK")).contains("ČTK");
        assertThat(who("Protesters in Warsaw. PAP/Rafał Guz")).contains("PAP");
    }

    @Test
    void theAgencyThatTookThePictureNotTheHomeDistributor() {
        var german = new CaptionCredits(PageFixture.RESOLVER, "DE");
        assertThat(german.inCaption("Foto: Alba Pacheco/Agencia LOF/dpa").map(CaptionCredits.Found::who)).contains("Agencia LOF");
        assertThat(captions.inCaption("Foto: ELVIS GONZALEZ/PAP/EPA").map(CaptionCredits.Found::who)).contains("EPA");
    }

    @Test
    void japaneseAndKoreanForms() {
        assertThat(who("記者会見する首相＝ロイター")).contains("ロイター");
        assertThat(who("세종시청 전경. 사진=세종시 제공")).contains("세종시");
    }

    @Test
    void creditsNamingNobodyAreNone() {
        assertThat(who("Foto: Reprodução")).isEmpty();
        assertThat(who("(Bild: Hersteller)")).isEmpty();
        assertThat(who("The bridge in the morning light, seen from the river bank.")).isEmpty();
        assertThat(who("")).isEmpty();
        assertThat(captions.hasCreditLabel("Foto: Reprodução")).isTrue();
        assertThat(captions.hasCreditLabel("Die Brücke am Morgen")).isFalse();
    }

    @Test
    void aCreditElementsWholeTextIsTheCredit() {
        assertThat(captions.inCreditElement("EFE").map(CaptionCredits.Found::who)).contains("EFE");
        assertThat(captions.inCreditElement("Getty Images").map(CaptionCredits.Found::who)).contains("Getty Images");
        assertThat(captions.inCreditElement("Die Brücke am Morgen über dem Fluss, im Nebel").map(CaptionCredits.Found::who)).isEmpty();
    }

    @Test
    void aButtonsLabelAfterAnAgencyCodeIsNoPartOfTheCredit() {
        assertThat(captions.pick("ANSA +CLICCA PER INGRANDIRE", "© ANSA +CLICCA PER INGRANDIRE").map(CaptionCredits.Found::who)).contains("ANSA");
    }

    @Test
    void labelledCreditLinesAnywhereInTheArticle() {
        assertThat(captions.labelled("Beeld: Pro Shots").map(CaptionCredits.Found::who)).contains("Pro Shots");
        assertThat(captions.labelled("Źródło zdjęcia głównego: PAP").map(CaptionCredits.Found::who)).contains("PAP");
        assertThat(captions.labelled("Der Plan wurde am Dienstag vorgestellt.")).isEmpty();
    }
}
