package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Embedded documents keep their text, including those Tika hands over as an open container (OLE objects,
 * PST messages) with an empty stream; each limit that stops one is named in a warning.
 */
class BoundedEmbeddedExtractorTest {

    private static AutoDetectParser parser;

    @BeforeAll
    static void parser() {
        parser = new AutoDetectParser();
    }

    @Test
    void anOpenContainerWithAnEmptyStreamIsParsedFromTheContainer() throws Exception {
        // What an OLE document or a PST file gives for an embedded object: an empty stream whose open
        // container is the object. A counting wrapper that hid the container made Tika see 0 bytes.
        byte[] workbook = workbook("Embedded workbook text");
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(workbook))) {
            Metadata metadata = new Metadata();
            TikaInputStream empty = TikaInputStream.getFromContainer(fs.getRoot(), workbook.length, metadata);
            ParseContext context = new ParseContext();
            context.set(Parser.class, parser);
            BoundedEmbeddedExtractor extractor = new BoundedEmbeddedExtractor(context);
            ToTextContentHandler text = new ToTextContentHandler();
            extractor.parseEmbedded(empty, text, metadata, false);
            assertThat(text.toString()).as(metadata.toString()).contains("Embedded workbook text");
            assertThat(extractor.warnings()).isEmpty();
            assertThat(metadata.get(Metadata.CONTENT_TYPE)).isEqualTo("application/vnd.ms-excel");
        }
    }

    @Test
    void embeddedMembersOfAWholeDocumentKeepTheirText() throws Exception {
        byte[] zip = zip(Map.of("inner.txt", "the inner text".getBytes(StandardCharsets.UTF_8),
                "book.xls", workbook("a cell inside a zip")));
        Result result = parseDocument(zip, new ParseContext(), 10, 100, 1 << 20);
        assertThat(result.text()).contains("the inner text").contains("a cell inside a zip");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void theDepthLimitIsNamed() throws Exception {
        Result result = parseDocument(org.provkit.bundle.HostileSourcesTest.nestedZip(6), new ParseContext(), 3, 100, 1 << 20);
        assertThat(result.text()).doesNotContain("the innermost text");
        assertThat(result.warnings()).containsExactly(
                "embedded documents nested deeper than 3 levels were not extracted (limit: embedded nesting depth 3)");
    }

    @Test
    void theCountLimitIsNamed() throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            members.put("m" + i + ".txt", ("member " + i).getBytes(StandardCharsets.UTF_8));
        }
        Result result = parseDocument(zip(members), new ParseContext(), 10, 3, 1 << 20);
        assertThat(result.text()).contains("member 0", "member 2").doesNotContain("member 3");
        assertThat(result.warnings()).containsExactly(
                "more than 3 embedded documents: the rest were not extracted (limit: embedded documents per file 3)");
    }

    @Test
    void theByteLimitIsNamed() throws Exception {
        byte[] big = new byte[3 << 20];
        new java.util.Random(15).nextBytes(big);
        Result result = parseDocument(zip(Map.of("a.txt", big, "b.txt", big)), new ParseContext(), 10, 100, 2L << 20);
        assertThat(result.warnings()).containsExactly("embedded documents hold more than 2 MiB (a zip bomb?): extraction stopped"
                + " there (limit: embedded content per file 2 MiB)");
    }

    @Test
    void anEmbeddedRarSaysItWasNotExtracted() throws Exception {
        byte[] rar = {'R', 'a', 'r', '!', 0x1a, 0x07, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Result result = parseDocument(zip(Map.of("old.rar", rar, "note.txt", "a note".getBytes(StandardCharsets.UTF_8))),
                new ParseContext(), 10, 100, 1 << 20);
        assertThat(result.text()).contains("a note");
        assertThat(result.warnings()).containsExactly(
                "RAR not extracted: the embedded RAR archive 'old.rar' was not unpacked (see docs/extraction.md)");
    }

    private record Result(String text, java.util.Set<String> warnings) {
    }

    private static Result parseDocument(byte[] document, ParseContext context, int depth, int documents, long bytes)
            throws Exception {
        context.set(Parser.class, parser);
        BoundedEmbeddedExtractor extractor = new BoundedEmbeddedExtractor(context, depth, documents, bytes);
        context.set(EmbeddedDocumentExtractor.class, extractor);
        BodyContentHandler body = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, "document.zip");
        try (TikaInputStream in = TikaInputStream.get(document)) {
            parser.parse(in, body, metadata, context);
        }
        return new Result(body.toString(), extractor.warnings());
    }

    static byte[] workbook(String cell) throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Sheet").createRow(0).createCell(0).setCellValue(cell);
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] zip(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
