package org.provkit.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses documents embedded in a document (archive members, attachments, OLE objects) within bounds:
 * nesting depth, number of documents, and bytes read from all of them together, so that a zip bomb or
 * a zip nested twenty-five deep is extracted as far as is reasonable and reported, not followed to the end.
 * One instance per parsed file.
 */
final class BoundedEmbeddedExtractor implements EmbeddedDocumentExtractor {

    static final int MAX_DEPTH = 10;
    static final int MAX_DOCUMENTS = 10_000;
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final ParsingEmbeddedDocumentExtractor delegate;
    private final Set<String> warnings = new LinkedHashSet<>();
    private int depth;
    private int documents;
    private long bytes;

    BoundedEmbeddedExtractor(ParseContext context) {
        this.delegate = new ParsingEmbeddedDocumentExtractor(context);
    }

    Set<String> warnings() {
        return warnings;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (depth >= MAX_DEPTH) {
            warnings.add("embedded documents nested deeper than " + MAX_DEPTH + " levels were not extracted");
            return false;
        }
        if (documents >= MAX_DOCUMENTS) {
            warnings.add("more than " + MAX_DOCUMENTS + " embedded documents: the rest were not extracted");
            return false;
        }
        if (bytes >= MAX_BYTES) {
            return false;
        }
        return delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        depth++;
        documents++;
        try {
            delegate.parseEmbedded(new Budget(stream), handler, metadata, outputHtml);
        } catch (BudgetExceeded e) {
            warnings.add("embedded documents hold more than " + (MAX_BYTES >> 20)
                    + " MiB (a zip bomb?): extraction stopped there");
        } finally {
            depth--;
        }
    }

    private static final class BudgetExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("embedded content budget exceeded");
        }
    }

    /** Counts bytes read from every embedded document against one budget. */
    private final class Budget extends FilterInputStream {
        Budget(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                spend(n);
            }
            return n;
        }

        private void spend(long n) throws IOException {
            bytes += n;
            if (bytes > MAX_BYTES) {
                throw new BudgetExceeded();
            }
        }
    }
}
