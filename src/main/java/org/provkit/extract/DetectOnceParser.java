package org.provkit.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Tika's {@link AutoDetectParser} without its two repeated costs per file, both measured on 2,000
 * small articles at about 4 % of extraction CPU each:
 * <ul>
 *   <li>{@code parse} detects the media type again, though the caller has just detected it from the
 *       same bytes and the same name. {@link #parse(InputStream, org.xml.sax.ContentHandler, Metadata,
 *       ParseContext, MediaType)} hands that answer to the first detection of the parse (the top-level
 *       document's); embedded documents are still detected by Tika.</li>
 *   <li>Choosing the parser rebuilt the map of every parser's supported types on every call. The choice
 *       depends only on the content type and the parser override (the parse context is built the same
 *       way for every file), so it is made once per pair.</li>
 * </ul>
 */
final class DetectOnceParser extends AutoDetectParser {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CACHED_CHOICES = 4096;

    private final transient PresetDetector detector;
    private final transient Map<ParserKey, Parser> parserByType = new ConcurrentHashMap<>();

    DetectOnceParser() {
        MagicIndexing.install(super.getDetector());
        this.detector = new PresetDetector(super.getDetector());
        setDetector(detector);
    }

    /** Parses a document whose media type {@code detected} was found by {@link #getDetector()} for these bytes and this name. */
    void parse(InputStream stream, org.xml.sax.ContentHandler handler, Metadata metadata, ParseContext context,
            MediaType detected) throws IOException, org.xml.sax.SAXException, org.apache.tika.exception.TikaException {
        detector.preset.set(Objects.requireNonNull(detected));
        try {
            parse(stream, handler, metadata, context);
        } finally {
            detector.preset.remove();
        }
    }

    @Override
    protected Parser getParser(Metadata metadata, ParseContext context) {
        ParserKey key = new ParserKey(metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE), metadata.get(Metadata.CONTENT_TYPE));
        Parser known = parserByType.get(key);
        if (known != null) {
            return known;
        }
        Parser chosen = super.getParser(metadata, context);
        // Bounded: the keys are detected types (a registry's worth), unless a container sets odd overrides.
        if (chosen != null && parserByType.size() < MAX_CACHED_CHOICES) {
            parserByType.putIfAbsent(key, chosen);
        }
        return chosen;
    }

    private record ParserKey(String override, String contentType) {
    }

    /** Answers the first call after a preset with that preset; every other call goes to Tika's detector. */
    private static final class PresetDetector implements Detector {
        private static final long serialVersionUID = 1L;

        private final Detector tika;
        private final transient ThreadLocal<MediaType> preset = new ThreadLocal<>();

        PresetDetector(Detector tika) {
            this.tika = tika;
        }

        @Override
        public MediaType detect(InputStream input, Metadata metadata) throws IOException {
            MediaType known = preset.get();
            if (known != null) {
                preset.remove();
                return known;
            }
            return tika.detect(input, metadata);
        }
    }
}
