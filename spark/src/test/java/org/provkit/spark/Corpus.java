package org.provkit.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small collections to bundle: articles in folders, a page with its assets, a PDF, hostile names. */
final class Corpus {

    private Corpus() {
    }

    static Path write(Path root) throws IOException {
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        for (int i = 0; i < 6; i++) {
            article(corpus.resolve("2024/" + String.format("%02d", i) + ".txt"), i);
        }
        for (int i = 0; i < 4; i++) {
            article(corpus.resolve("2025/" + String.format("%02d", i) + ".txt"), 10 + i);
        }
        Files.copy(Path.of("../seeds/000_6aef5a1f1f04ad71.txt"), corpus.resolve("seed.txt"));
        Files.writeString(corpus.resolve("page.html"), "<html><head><title>Rail line reopens</title></head><body>"
                + "<p>LONDON (AFP) - The line reopened.</p><img src=\"page_files/photo.jpg\"><p>Source: AFP</p></body></html>");
        Files.createDirectories(corpus.resolve("page_files"));
        Files.writeString(corpus.resolve("page_files/style.css"), "body { color: black }");
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Files.writeString(corpus.resolve("_underscore.txt"), "kept although Spark's binaryFile drops it");
        Files.writeString(corpus.resolve(".hidden.txt"), "kept although Spark's binaryFile drops it");
        pdf(corpus.resolve("report.pdf"), "HAVANA, Nov 12 (Prensa Latina) A report in a PDF.");
        return corpus;
    }

    static int documents(Path corpus) throws IOException {
        try (var files = Files.walk(corpus)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    static void article(Path file, int n) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Article " + n + "\n\nHAVANA, March " + (n % 28 + 1) + " (Prensa Latina) The council met "
                + "to discuss item " + n + " of the agenda, and agreed on the next steps for the season.\n\n"
                + "Source: Prensa Latina\n", StandardCharsets.UTF_8);
    }

    static void pdf(Path file, String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(file.toFile());
        }
    }
}
