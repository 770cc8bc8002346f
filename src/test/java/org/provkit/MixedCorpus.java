package org.provkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * A small collection of the kinds of files an archivist bundles, written here so no third-party file is
 * needed: text, HTML, PDF, DOCX, a JPEG with EXIF tags, an e-mail with an attachment, a 7z (one plain,
 * one encrypted) and a zip holding a DOCX and a JPEG. The formats Tika reads from a temporary copy
 * (images, 7z) are all here: they are what made two runs differ.
 */
public final class MixedCorpus {

    public static final String ARTICLE = "HAVANA, Nov 12 (Prensa Latina) The provincial library opened a reading room.\n"
            + "Source: Prensa Latina\nhttps://www.prensa-latina.cu/2026/11/12/library\n";

    private MixedCorpus() {
    }

    /** Writes the corpus into {@code folder} (created); returns the files written. */
    public static List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(folder.resolve("article.txt"), ARTICLE));
        files.add(Files.writeString(folder.resolve("page.html"), "<html><head><title>Reading room</title>"
                + "<link rel=\"canonical\" href=\"https://www.example.org/reading-room\"></head><body><p>"
                + ARTICLE + "</p><img src=\"missing.jpg\" alt=\"Foto: ACN\"></body></html>"));
        files.add(Files.write(folder.resolve("report.pdf"), pdf(ARTICLE)));
        files.add(Files.write(folder.resolve("letter.docx"), docx(ARTICLE)));
        byte[] photo = jpegWithExif("Canon", "EOS 5D", "Ana Pérez", "(c) 2026 Agencia Cubana de Noticias");
        files.add(Files.write(folder.resolve("photo.jpg"), photo));
        files.add(Files.writeString(folder.resolve("message.eml"), email(photo)));
        files.add(sevenZip(folder.resolve("archive.7z"), null));
        files.add(sevenZip(folder.resolve("locked.7z"), "secret".toCharArray()));
        files.add(Files.write(folder.resolve("archive.zip"), zip(List.of(new Member("inner/letter.docx", docx("Zipped letter")),
                new Member("inner/photo.jpg", photo)))));
        return files;
    }

    public record Member(String name, byte[] bytes) {
    }

    public static byte[] zip(List<Member> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Member member : members) {
                ZipEntry entry = new ZipEntry(member.name());
                entry.setTime(1_767_225_600_000L);
                zip.putNextEntry(entry);
                zip.write(member.bytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(72, 720);
                for (String line : text.split("\n")) {
                    content.showText(line);
                    content.newLineAtOffset(0, -14);
                }
                content.endText();
            }
            document.getDocumentInformation().setTitle("Reading room");
            document.save(out);
            return out.toByteArray();
        }
    }

    public static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            document.getProperties().getCoreProperties().setTitle("Reading room");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static String email(byte[] attachment) {
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(attachment);
        return "From: desk@example.org\r\nTo: archive@example.org\r\nSubject: Reading room\r\n"
                + "Date: Thu, 12 Nov 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + ARTICLE.replace("\n", "\r\n") + "\r\n--XX\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=photo.jpg\r\n\r\n" + base64 + "\r\n--XX--\r\n";
    }

    private static Path sevenZip(Path file, char[] password) throws IOException {
        try (SevenZOutputFile out = password == null ? new SevenZOutputFile(file.toFile()) : new SevenZOutputFile(file.toFile(), password)) {
            for (String[] member : new String[][] {{"notes.txt", ARTICLE}, {"page.html", "<p>" + ARTICLE + "</p>"}}) {
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(member[0]);
                entry.setLastModifiedTime(java.nio.file.attribute.FileTime.fromMillis(1_767_225_600_000L));
                out.putArchiveEntry(entry);
                out.write(member[1].getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    /** A small JPEG whose EXIF block (APP1, big-endian TIFF, one IFD) names the camera, the author and the rights. */
    public static byte[] jpegWithExif(String make, String model, String artist, String copyright) throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 32, 24);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] exif = exif(new String[][] {{"010F", make}, {"0110", model}, {"0132", "2026:11:12 10:00:00"},
            {"013B", artist}, {"8298", copyright}});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** "Exif\0\0" and a TIFF structure with one IFD of ASCII tags (hex tag, value), in tag order. */
    private static byte[] exif(String[][] tags) {
        int ifdSize = 2 + tags.length * 12 + 4;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer ifd = ByteBuffer.allocate(ifdSize);
        ifd.putShort((short) tags.length);
        for (String[] tag : tags) {
            byte[] value = (tag[1] + "\0").getBytes(StandardCharsets.UTF_8);
            ifd.putShort((short) Integer.parseInt(tag[0], 16)).putShort((short) 2).putInt(value.length);
            if (value.length <= 4) {
                ifd.put(java.util.Arrays.copyOf(value, 4));
            } else {
                ifd.putInt(8 + ifdSize + data.size());
                data.writeBytes(value);
                if (data.size() % 2 == 1) {
                    data.write(0);
                }
            }
        }
        ifd.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        out.writeBytes(ifd.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }
}
