package org.provkit.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.apache.tika.utils.XMLReaderUtils;
import org.xml.sax.SAXException;

/**
 * Extracts text and metadata with Apache Tika. One instance per run: building the parser costs about a
 * second (media types), parsing is then thread-safe with a new context per file.
 */
public final class TikaExtractor implements Extractor {

    /** Files up to this size are read into memory once: digested, detected and parsed from there. */
    static final long SMALL_FILE = 4L << 20;

    private final DetectOnceParser parser;
    private final TextLimits limits;

    /**
     * How often Tika reuses one of its pooled SAX parsers before it makes a new one (its default: 100). Detecting
     * the type of an HTML or XML file parses its root element with one of ten pooled parsers: with 100 uses each,
     * bundling a WARC of 20,000 pages replaced a parser every 25 pages or so, each had lived long enough to reach
     * the old generation, and their remains (about 1.5 KB a page) filled it until the end of the run (peak RSS 1.12
     * times a run of 2,000 pages). The parsers are reset after each use; the limit stays only as a backstop.
     */
    static final int SAX_PARSER_REUSES = 100_000;

    public TikaExtractor(TextLimits limits) {
        ImageReaderOrder.install();
        if (XMLReaderUtils.getMaxNumReuses() < SAX_PARSER_REUSES) {
            XMLReaderUtils.setMaxNumReuses(SAX_PARSER_REUSES);
        }
        this.parser = new DetectOnceParser();
        this.limits = limits;
    }

    @Override
    public Extraction extract(Path file, Path textFile) throws IOException {
        return extract(file, textFile, type -> { });
    }

    /** As {@link #extract(Path, Path)}, telling {@code detected} the media type as soon as it is known. */
    public Extraction extract(Path file, Path textFile, java.util.function.Consumer<String> detected) throws IOException {
        return extract(file, textFile, detected, (type, size) -> true);
    }

    /**
     * As {@link #extract(Path, Path)} when {@code accept} takes the detected media type and the file's
     * size; null when it declines (then nothing but detection was done, and the text file may hold
     * nothing of use: it is truncated by the next writer).
     */
    public Extraction extract(Path file, Path textFile, java.util.function.Consumer<String> detected,
            java.util.function.BiPredicate<String, Long> accept) throws IOException {
        TextSink sink = new TextSink(textFile);
        PartialExtraction partial;
        try (sink) {
            partial = extract(file, sink.stream(), detected, accept);
        }
        return partial == null ? null : partial.complete(sink.digests());
    }

    /** An extraction whose text file is not yet closed, so its checksums are not known. */
    record PartialExtraction(String mediaType, Map<String, List<String>> metadata, Extraction.Status status,
            List<String> warnings, long textChars, FileDigests digests) {
        Extraction complete(FileDigests text) {
            return new Extraction(mediaType, metadata, status, warnings, textChars, digests, text);
        }
    }

    /**
     * Reads {@code file} once: its bytes are digested while the parser reads them, the text goes to
     * {@code textOut} (UTF-8).
     */
    PartialExtraction extract(Path file, OutputStream textOut, java.util.function.Consumer<String> detected) throws IOException {
        return extract(file, textOut, detected, (type, size) -> true);
    }

    private PartialExtraction extract(Path file, OutputStream textOut, java.util.function.Consumer<String> detected,
            java.util.function.BiPredicate<String, Long> accept) throws IOException {
        List<String> warnings = new ArrayList<>();
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        Extraction.Status status = Extraction.Status.OK;
        CountingWriter text = new CountingWriter(new BufferedWriter(new OutputStreamWriter(textOut, StandardCharsets.UTF_8), 1 << 16));
        FileDigests digests;
        try (InputStream raw = Files.newInputStream(file);
                DigestingInputStream digesting = new DigestingInputStream(raw)) {
            long size = Files.size(file);
            if (size == 0) {
                detected.accept("application/octet-stream");
                warnings.add("empty file (0 bytes): nothing to extract");
                digests = digesting.finish();
                text.flush();
                return new PartialExtraction("application/octet-stream", sortedMetadata(metadata), Extraction.Status.SKIPPED,
                        warnings, 0, digests);
            }
            byte[] small = size <= SMALL_FILE ? digesting.readAllBytes() : null;
            // Magic detection is the larger part of a small file's cost: it is done once, here. A large
            // file is detected again by the parser, from the stream rather than the path (container
            // detectors may answer differently for the two, and the parse has always used its own).
            MediaType smallType = small != null ? detect(small, file) : null;
            String type = small == null ? detect(file)
                    : smallType == null ? MediaType.OCTET_STREAM.toString() : smallType.getBaseType().toString();
            if (!accept.test(type, size)) {
                return null;
            }
            detected.accept(type);
            if (small != null && "text/plain".equals(type)) {
                Optional<String> plain = PlainTextFastPath.text(small);
                if (plain.isPresent() && plain.get().length() <= limits.maxTextChars()) {
                    text.write(plain.get());
                    text.flush();
                    digests = digesting.finish();
                    metadata.set(Metadata.CONTENT_TYPE, "text/plain; charset=UTF-8");
                    metadata.set(Metadata.CONTENT_ENCODING, "UTF-8");
                    metadata.add(TikaCoreProperties.TIKA_PARSED_BY, PlainTextFastPath.class.getName());
                    return new PartialExtraction("text/plain", sortedMetadata(metadata), status, warnings, text.count(), digests);
                }
            }
            ParseContext context = new ParseContext();
            context.set(Parser.class, parser);
            BoundedEmbeddedExtractor embedded = new BoundedEmbeddedExtractor(context);
            context.set(org.apache.tika.extractor.EmbeddedDocumentExtractor.class, embedded);
            WriteOutContentHandler limited = new WriteOutContentHandler(text, (int) Math.min(Integer.MAX_VALUE, limits.maxTextChars()));
            try {
                if (smallType != null) {
                    parser.parse(TikaInputStream.get(small), new BodyContentHandler(limited), metadata, context, smallType);
                } else {
                    // Shielded: a parser that closes its stream early (the WARC parser does) must leave the
                    // rest of the file to be digested, not a closed channel (ClosedChannelException).
                    parser.parse(small != null ? TikaInputStream.get(small)
                            : TikaInputStream.get(org.apache.commons.io.input.CloseShieldInputStream.wrap(digesting)),
                            new BodyContentHandler(limited), metadata, context);
                }
            } catch (SAXException | IOException | RuntimeException | org.apache.tika.exception.TikaException e) {
                if (WriteLimitReachedException.isWriteLimitReached(e)) {
                    status = Extraction.Status.TRUNCATED;
                    warnings.add("text cut at " + limits.maxTextChars() + " characters");
                } else {
                    status = Extraction.Status.FAILED;
                    warnings.add("text extraction failed: " + describe(e));
                }
            }
            warnings.addAll(embedded.warnings());
            text.flush();
            digests = digesting.finish();
        }
        String mediaType = baseType(metadata.get(Metadata.CONTENT_TYPE));
        for (String name : metadata.names()) {
            if (name.startsWith(TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX) && !name.contains("write_limit")) {
                String value = metadata.get(name);
                warnings.add("parser reported: " + ParserMessages.humanize(value));
            }
        }
        if (RarFiles.isRar(mediaType)) {
            warnings.add(RarFiles.topLevelWarning());
            status = status == Extraction.Status.OK ? Extraction.Status.SKIPPED : status;
        }
        warnings.addAll(ContentSanity.check(file, mediaType, digests.bytes(), text.count(), status));
        return new PartialExtraction(mediaType, RunTraces.clean(sortedMetadata(metadata)), status,
                RunTraces.scrub(warnings), text.count(), digests);
    }

    /** The media type of a file from its name and first bytes. */
    public String detect(Path file) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return parser.getDetector().detect(in, metadata).getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /** The media type of a file read into memory; null when the detector failed (the parse then tries again and reports it). */
    private MediaType detect(byte[] bytes, Path file) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return parser.getDetector().detect(in, metadata);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return ParserMessages.humanize(root.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static Map<String, List<String>> sortedMetadata(Metadata metadata) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String name : metadata.names()) {
            if (name.startsWith(TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX)) {
                // exceptions carry stack traces; the record's warnings say what failed
                out.put(name, List.of(firstLine(metadata.get(name))));
                continue;
            }
            out.put(name, List.copyOf(Arrays.asList(metadata.getValues(name))));
        }
        return out;
    }

    /** Counts characters written, so the record can tell how much text there is. */
    static final class CountingWriter extends Writer {
        private final Writer out;
        private long count;

        CountingWriter(Writer out) {
            this.out = out;
        }

        long count() {
            return count;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            out.write(chars, offset, length);
            count += length;
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            out.write(s, offset, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
