package org.provkit.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/** Test documents: what extraction would hand the analyzer (Tika text for HTML, the file itself for text). */
final class Docs {

    private static final AutoDetectParser TIKA = new AutoDetectParser();
    static final ProvenanceAnalyzer ANALYZER = new ProvenanceAnalyzer();

    private Docs() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Docs.class.getResource("/samples/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** A plain-text document: the text is the file. */
    static SourceDocument text(Path dir, String path, String content, String... siblings) {
        try {
            Path f = dir.resolve(path.replace('/', '_'));
            Files.writeString(f, content, StandardCharsets.UTF_8);
            return new SourceDocument(path, f, "text/plain", f, Map.of(), siblingSet(path, siblings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceDocument textFile(Path file, String path) {
        return new SourceDocument(path, file, "text/plain", file, Map.of(), Set.of(path));
    }

    /** An HTML document run through Tika, as the extraction step does. */
    static SourceDocument html(Path dir, String path, String html, String... siblings) {
        try {
            Path f = dir.resolve(path.replace('/', '_'));
            Files.writeString(f, html, StandardCharsets.UTF_8);
            return tika(dir, f, path, siblings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceDocument tika(Path dir, Path file, String path, String... siblings) {
        try (InputStream in = Files.newInputStream(file)) {
            Metadata md = new Metadata();
            md.set("resourceName", file.getFileName().toString());
            BodyContentHandler handler = new BodyContentHandler(-1);
            TIKA.parse(in, handler, md, new ParseContext());
            Path text = Files.createTempFile(dir, "text", ".txt");
            Files.writeString(text, handler.toString(), StandardCharsets.UTF_8);
            Map<String, List<String>> metadata = new LinkedHashMap<>();
            for (String name : md.names()) {
                metadata.put(name, Arrays.asList(md.getValues(name)));
            }
            String mediaType = md.get("Content-Type") == null ? "application/octet-stream" : md.get("Content-Type").split(";")[0].strip();
            return new SourceDocument(path, file, mediaType, text, metadata, siblingSet(path, siblings));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> siblingSet(String path, String... siblings) {
        java.util.Set<String> s = new java.util.TreeSet<>(Arrays.asList(siblings));
        s.add(path);
        return s;
    }

    static DocumentProvenance analyze(SourceDocument d) {
        return ANALYZER.analyze(d);
    }

    static List<String> chain(DocumentProvenance p) {
        return p.attribution().chain().stream().map(Hop::party).toList();
    }
}
