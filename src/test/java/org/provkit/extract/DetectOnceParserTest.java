package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provkit.TestFiles;

/** {@link DetectOnceParser} gives exactly what Tika's own AutoDetectParser gives, embedded documents included. */
class DetectOnceParserTest {

    private static AutoDetectParser tika;
    private static DetectOnceParser once;

    @BeforeAll
    static void parsers() {
        tika = new AutoDetectParser();
        once = new DetectOnceParser();
    }

    static Stream<Arguments> documents() throws IOException {
        byte[] html = "<html><head><title>Titre</title><meta property=\"og:site_name\" content=\"RHC\"></head><body><p>Été à La Havane</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] xhtml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title></head>"
                + "<body><p>xhtml body</p></body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade. (PL) La Habana, 12 de mayo.\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] json = "{\"title\":\"t\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] csv = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
        byte[] rtf = "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard Rich text body.\\par}".getBytes(StandardCharsets.US_ASCII);
        byte[] mail = ("From: a@example.org\r\nTo: b@example.org\r\nSubject: Nota\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nCuerpo del mensaje.\r\n"
                + "--XX\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=a.html\r\n\r\n<p>adjunto</p>\r\n--XX--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] inner = zip(Map.of("inner.txt", "inner text".getBytes(StandardCharsets.UTF_8)));
        byte[] zip = zip(Map.of("a.html", html, "b.txt", latin1, "nested.zip", inner, "c.json", json));
        return Stream.of(
                Arguments.of("page.html", html),
                Arguments.of("page.xhtml", xhtml),
                Arguments.of("no-extension", html),
                Arguments.of("latin1.txt", latin1),
                Arguments.of("data.json", json),
                Arguments.of("table.csv", csv),
                Arguments.of("note.rtf", rtf),
                Arguments.of("message.eml", mail),
                Arguments.of("archive.zip", zip),
                Arguments.of("seed.txt", Files.readAllBytes(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"))),
                Arguments.of("site.html", Files.readAllBytes(Path.of("src/test/resources/samples/en_afp_site.html"))),
                Arguments.of("page.html", Files.readAllBytes(Path.of("src/test/resources/realistic/f_page.html"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void givesTikasTextAndMetadata(String name, byte[] bytes) throws Exception {
        Parsed expected = parse(tika, name, bytes, null);
        Metadata forDetection = new Metadata();
        forDetection.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        MediaType detected = once.getDetector().detect(TikaInputStream.get(bytes), forDetection);
        Parsed actual = parse(once, name, bytes, detected);
        Parsed again = parse(once, name, bytes, detected);

        assertThat(actual).isEqualTo(expected);
        assertThat(again).as("the cached parser choice").isEqualTo(expected);
        assertThat(parse(once, name, bytes, null)).as("without a preset type").isEqualTo(expected);
    }

    private record Parsed(String text, Map<String, String> metadata) {
    }

    private static Parsed parse(AutoDetectParser parser, String name, byte[] bytes, MediaType detected) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        BodyContentHandler handler = new BodyContentHandler(-1);
        if (detected != null) {
            ((DetectOnceParser) parser).parse(TikaInputStream.get(bytes), handler, metadata, context, detected);
        } else {
            parser.parse(TikaInputStream.get(bytes), handler, metadata, context);
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : metadata.names()) {
            values.put(key, Arrays.toString(metadata.getValues(key)));
        }
        return new Parsed(handler.toString(), values);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                ZipEntry e = new ZipEntry(entry.getKey());
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
