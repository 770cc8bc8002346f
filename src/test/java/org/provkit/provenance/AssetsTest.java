package org.provkit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credits and missing assets: placeholders, local references, OOXML relationships. */
class AssetsTest {

    @TempDir
    Path dir;

    private DocumentProvenance text(String content, String... siblings) {
        return Docs.analyze(Docs.text(dir, "docs/a.txt", content, siblings));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            *Image not found or type unknown*                                                  | Image not found or type unknown
            [Image unavailable]                                                                | [Image unavailable]
            [Imagen no disponible]                                                             | [Imagen no disponible]
            [Image non disponible]                                                             | [Image non disponible]
            [Imagem indisponível]                                                              | [Imagem indisponível]
            The linked image cannot be displayed. The file may have been moved, renamed, or deleted. | The linked image cannot be displayed. The file may have been moved, renamed, or deleted.
            [cid:image001.png@01DA2B3C.4D5E6F70]                                               | [cid:image001.png@01DA2B3C.4D5E6F70]
            To help protect your privacy, Microsoft Office prevented automatic download of this picture from the Internet. | To help protect your privacy, Microsoft Office prevented automatic download of this picture from the Internet.
            [Bild nicht verfügbar]                                                             | [Bild nicht verfügbar]
            [Immagine non disponibile]                                                         | [Immagine non disponibile]
            [Изображение недоступно]                                                           | [Изображение недоступно]
            [الصورة غير متوفرة]                                                                | [الصورة غير متوفرة]
            [图片无法显示]                                                                      | [图片无法显示]
            [画像]                                                                             | [画像]
            [이미지를 표시할 수 없습니다]                                                        | [이미지를 표시할 수 없습니다]
            """)
    void converterPlaceholders(String line, String marker) {
        DocumentProvenance p = text("Title\n\n" + line + "\n\nSome text of the article follows here.\n");
        assertThat(p.missingAssets()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("image");
            assertThat(m.marker()).isEqualTo(marker);
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.source()).isEqualTo("placeholder");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Image: Prensa Latina        | image   | Prensa Latina
            **Foto: ACN**               | image   | Agencia Cubana de Noticias
            Foto: Juan Pérez/ACN        | image   | Agencia Cubana de Noticias
            Photo : AFP                 | image   | AFP
            Crédit photo : Reuters      | image   | Reuters
            Photo by Jane Doe           | image   | Jane Doe
            Foto de Alberto Borrego     | image   | Alberto Borrego
            Fotos: EFE                  | image   | EFE
            Imagem: Agência Brasil      | image   | Agência Brasil
            Crédito da foto: Lusa       | image   | Lusa
            Infografía: Cubadebate      | graphic | Cubadebate
            Vídeo: teleSUR              | video   | teleSUR
            El presidente durante el encuentro. (Foto: PL) | image | Prensa Latina
            Фото: Михаил Метцель/ТАСС   | image   | TASS
            Bild: Kay Nietfeld/dpa      | image   | dpa
            图片：新华社记者 李明 摄       | image   | Xinhua
            사진: 연합뉴스               | image   | Yonhap
            Fotoğraf: AA                | image   | Anadolu
            """)
    void creditLines(String line, String asset, String party) {
        DocumentProvenance p = text("Title\n\n" + line + "\n\nSome text of the article follows here.\n");
        assertThat(p.credits()).singleElement().satisfies(c -> {
            assertThat(c.asset()).isEqualTo(asset);
            assertThat(c.party()).isEqualTo(party);
            assertThat(c.evidence().line()).isEqualTo(3);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Foto de archivo
            Fotos de la visita del presidente a la provincia oriental durante el fin de semana pasado
            Photos of the flood show the damage.
            Image quality matters for archives, the experts said in their report on the matter today.
            [Bildergalerie: Die schönsten Fotos des Jahres]
            """)
    void notCredits(String line) {
        assertThat(text("Title\n\n" + line + "\n\nSome text.\n").credits()).isEmpty();
    }

    @Test
    void markdownLinkTextIsNoPlaceholder() {
        DocumentProvenance p = text("See [Image](https://cdn.example.com/a.jpg) and ![Image](https://cdn.example.com/b.jpg).\n");
        assertThat(p.missingAssets()).isEmpty();
    }

    @Test
    void creditNextToThePlaceholderIsAttachedAndTheNearestWins() {
        DocumentProvenance p = text("""
                Title

                [Image unavailable]
                Photo: AFP

                Text text text text.

                Text text text text.

                Text text text text.

                [Imagen no disponible]

                Foto: EFE
                """);
        assertThat(p.missingAssets()).extracting(MissingAsset::credit).containsExactly("AFP", "EFE");
    }

    @Test
    void creditFarAwayIsNotAttached() {
        DocumentProvenance p = text("[Image unavailable]\n\n1\n\n2\n\n3\n\n4\n\nPhoto: AFP\n");
        assertThat(p.missingAssets()).singleElement().satisfies(m -> assertThat(m.credit()).isNull());
        assertThat(p.credits()).hasSize(1);
    }

    @Test
    void markdownImagesPointingOutsideTheBundle() {
        DocumentProvenance p = text("""
                Title

                ![bridge](images/bridge.jpg)

                ![here](images/here.png)

                ![remote](https://cdn.example.com/x.jpg)
                """, "docs/images/here.png");
        assertThat(p.missingAssets()).singleElement().satisfies(m -> {
            assertThat(m.marker()).isEqualTo("images/bridge.jpg");
            assertThat(m.target()).isEqualTo("docs/images/bridge.jpg");
            assertThat(m.line()).isEqualTo(3);
        });
        assertThat(p.urls()).filteredOn(u -> u.role().equals(UrlRef.IMAGE)).extracting(UrlRef::url)
                .containsExactly("https://cdn.example.com/x.jpg");
    }

    @Test
    void ooxmlExternalImageAndMissingPart() throws Exception {
        Path docx = dir.resolve("report.docx");
        try (OutputStream os = Files.newOutputStream(docx); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            put(zip, "_rels/.rels", """
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            put(zip, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            put(zip, "word/media/image1.png", "png");
            put(zip, "word/_rels/document.xml.rels", """
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>
                    <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.jpeg"/>
                    <Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://www.example.com/logo.png" TargetMode="External"/>
                    <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.prensa-latina.cu/nota" TargetMode="External"/>
                    </Relationships>""");
        }
        Path textFile = dir.resolve("report.txt");
        Files.writeString(textFile, "Informe anual de la biblioteca provincial sobre sus nuevas salas de lectura.\n");
        SourceDocument d = new SourceDocument("docs/report.docx", docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", textFile, Map.of(), Set.of("docs/report.docx"));
        DocumentProvenance p = Docs.analyze(d);
        assertThat(p.missingAssets()).extracting(MissingAsset::source, MissingAsset::marker, MissingAsset::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ooxml-missing-part", "media/image2.jpeg", "word/_rels/document.xml.rels#rId5"),
                org.assertj.core.groups.Tuple.tuple("ooxml-external", "https://www.example.com/logo.png", "word/_rels/document.xml.rels#rId6"));
        assertThat(p.missingAssets().get(0).target()).isEqualTo("word/media/image2.jpeg");
        assertThat(p.urls()).extracting(UrlRef::url, UrlRef::role).contains(
                org.assertj.core.groups.Tuple.tuple("https://www.prensa-latina.cu/nota", UrlRef.LINK),
                org.assertj.core.groups.Tuple.tuple("https://www.example.com/logo.png", UrlRef.IMAGE));
    }

    @Test
    void brokenZipIsAWarningNotAnException() throws Exception {
        Path docx = dir.resolve("broken.docx");
        Files.writeString(docx, "not a zip at all");
        SourceDocument d = new SourceDocument("docs/broken.docx", docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx, Map.of(), Set.of());
        DocumentProvenance p = Docs.analyze(d);
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("OOXML"));
    }

    @Test
    void iptcCreditOfAnImage() throws Exception {
        Path img = dir.resolve("photo.jpg");
        Files.write(img, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        Path textFile = dir.resolve("photo.txt");
        Files.writeString(textFile, "");
        SourceDocument d = new SourceDocument("docs/photo.jpg", img, "image/jpeg", textFile,
                Map.of("photoshop:Credit", java.util.List.of("EFE/Juan Pérez")), Set.of("docs/photo.jpg"));
        DocumentProvenance p = Docs.analyze(d);
        assertThat(p.credits()).singleElement().satisfies(c -> {
            assertThat(c.party()).isEqualTo("EFE");
            assertThat(c.evidence().field()).isEqualTo("photoshop:Credit");
        });
    }

    private static void put(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
