package org.provkit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Small documents of the formats parsed in child JVMs (PDF, DOCX, XLSX, e-mail, RTF, XML, Markdown,
 * JSON, PNG), written for {@link CdsTraining} so the class-data-sharing archive also holds their
 * parsers' classes, which each child then loads ready (its start: about 0.1 s less). Each is made on
 * its own: a format that cannot be written here is simply left out of the training.
 */
final class TrainingDocuments {

    private static final String[] LINES = {"Training document", "HAVANA, Nov 12 (Prensa Latina) A short article.",
        "Source: Prensa Latina", "https://www.prensa-latina.cu/training"};

    private TrainingDocuments() {
    }

    static List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        tryWrite(folder.resolve("training.pdf"), TrainingDocuments::pdf, written);
        tryWrite(folder.resolve("training.docx"), TrainingDocuments::docx, written);
        tryWrite(folder.resolve("training.xlsx"), TrainingDocuments::xlsx, written);
        tryWrite(folder.resolve("training.png"), TrainingDocuments::png, written);
        String text = String.join("\n", LINES) + "\n";
        tryWrite(folder.resolve("training.eml"), file -> Files.writeString(file, "From: desk@example.org\r\nSubject: "
                + LINES[0] + "\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + text.replace("\n", "\r\n")), written);
        tryWrite(folder.resolve("training.rtf"), file -> Files.writeString(file, "{\\rtf1\\ansi " + String.join("\\par ", LINES) + "}"),
                written);
        tryWrite(folder.resolve("training.xml"), file -> Files.writeString(file, "<?xml version=\"1.0\"?><article><title>"
                + LINES[0] + "</title><p>" + LINES[1] + "</p></article>"), written);
        tryWrite(folder.resolve("training.md"), file -> Files.writeString(file, "# " + text), written);
        tryWrite(folder.resolve("training.json"), file -> Files.writeString(file, "{\"title\": \"" + LINES[0] + "\"}"), written);
        return written;
    }

    /**
     * A news page with the parts the page analysis reads (JSON-LD, Open Graph, a byline, a dateline, a figure
     * with its credit, navigation and a teaser list): inspected in the training JVM, so the archive holds jsoup's
     * parser and the page rules' classes that every HTML document of a bundle needs.
     */
    static Path webPage(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("training.html");
        Files.writeString(file, """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Training document | Training Daily</title>
                <meta property="og:site_name" content="Training Daily"><meta property="og:image" content="/img/lead.jpg">
                <link rel="canonical" href="https://news.example.org/training">
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Training document",
                "author": {"@type": "Organization", "name": "Prensa Latina"}, "publisher": {"@type": "Organization", "name": "Training Daily"},
                "image": {"@type": "ImageObject", "url": "/img/lead.jpg", "creditText": "Prensa Latina"}}</script></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Training document</h1><p class="byline">By Desk Writer, Prensa Latina</p>
                <figure><img src="/img/lead.jpg" srcset="/img/lead-2x.jpg 2x" alt="A picture"><figcaption>A picture.
                <span class="credit">Photo: Prensa Latina</span></figcaption></figure>
                <p>HAVANA, Nov 12 (Prensa Latina) A short article, with a sentence, and another one, long enough to be a paragraph.</p>
                <p>A second paragraph of the article, with commas, clauses, and words enough to count as body text here.</p>
                <p>Source: Prensa Latina</p></article>
                <aside><ul class="related"><li><a href="/a">Other story (AFP)</a></li><li><a href="/b">Another story (EFE)</a></li></ul></aside>
                <footer>&copy; 2026 Training Daily</footer></body></html>
                """);
        return file;
    }

    private interface Writer {
        void write(Path file) throws Exception;
    }

    private static void tryWrite(Path file, Writer writer, List<Path> written) {
        try {
            writer.write(file);
            written.add(file);
        } catch (Exception | LinkageError e) {
            // left out of the training; the archive then lacks that parser's classes, nothing more
        }
    }

    private static void pdf(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                for (String line : LINES) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            document.save(file.toFile());
        }
    }

    private static void docx(Path file) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String line : LINES) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
        }
    }

    private static void xlsx(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("articles");
            for (int i = 0; i < LINES.length; i++) {
                sheet.createRow(i).createCell(0).setCellValue(LINES[i]);
            }
            workbook.write(out);
        }
    }

    private static void png(Path file) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
