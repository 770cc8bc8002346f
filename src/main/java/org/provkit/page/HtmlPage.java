package org.provkit.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/**
 * One HTML page parsed once, with source positions, for everything that reads its structure: metadata, the
 * article, bylines, figures. Lines are lines of the raw file.
 */
public final class HtmlPage {

    /** Raw bytes of HTML beyond this are not parsed. */
    public static final int MAX_HTML_BYTES = 8 << 20;

    private final Document document;
    private final boolean cut;

    private HtmlPage(Document document, boolean cut) {
        this.document = document;
        this.cut = cut;
    }

    /** Reads at most {@link #MAX_HTML_BYTES} of the file; {@code contentTypeHint} is what extraction detected. */
    public static HtmlPage read(Path file, String contentTypeHint) throws IOException {
        byte[] bytes;
        boolean cut;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_HTML_BYTES);
            cut = bytes.length == MAX_HTML_BYTES && in.read() >= 0;
        }
        return parse(bytes, contentTypeHint, cut);
    }

    public static HtmlPage parse(byte[] bytes, String contentTypeHint, boolean cut) throws IOException {
        String charset = HtmlCharset.choose(bytes, bytes.length, contentTypeHint);
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), charset, "", parser);
        return new HtmlPage(doc, cut);
    }

    public static HtmlPage parse(String html) {
        return new HtmlPage(Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true)), false);
    }

    public Document document() {
        return document;
    }

    /** Whether the file was longer than what was parsed. */
    public boolean cut() {
        return cut;
    }

    /** The 1-based line of the raw file where a node starts, or null when unknown. */
    public static Integer line(Node node) {
        var range = node.sourceRange();
        return range.isTracked() ? range.start().lineNumber() : null;
    }
}
