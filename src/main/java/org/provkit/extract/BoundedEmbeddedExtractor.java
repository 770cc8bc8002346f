package org.provkit.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses documents embedded in a document (archive members, attachments, OLE objects, PST messages)
 * within bounds: nesting depth, number of documents, and bytes read from all of them together, so that a
 * zip bomb or a zip nested twenty-five deep is extracted as far as is reasonable and reported, not
 * followed to the end. Each limit that stops a document says so in a warning that names the limit.
 * One instance per parsed file.
 *
 * <p>The bytes are counted on the way to the parser without hiding what Tika attaches to an embedded
 * stream: an OLE object or a PST message arrives as an empty {@link TikaInputStream} whose <em>open
 * container</em> is the document itself, and Tika's extractor hands that container on only when the
 * stream it is given is a {@code TikaInputStream}. So the counted stream is one too, carrying the same
 * container (a plain wrapper made Tika see an empty stream: a Word file with a 1 MB embedded document
 * gave 27 characters).
 */
final class BoundedEmbeddedExtractor implements EmbeddedDocumentExtractor {

    static final int MAX_DEPTH = 10;
    static final int MAX_DOCUMENTS = 10_000;
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final ParsingEmbeddedDocumentExtractor delegate;
    private final int maxDepth;
    private final int maxDocuments;
    private final long maxBytes;
    private final Set<String> warnings = new LinkedHashSet<>();
    private int depth;
    private int documents;
    private long bytes;

    BoundedEmbeddedExtractor(ParseContext context) {
        this(context, MAX_DEPTH, MAX_DOCUMENTS, MAX_BYTES);
    }

    BoundedEmbeddedExtractor(ParseContext context, int maxDepth, int maxDocuments, long maxBytes) {
        this.delegate = new ParsingEmbeddedDocumentExtractor(context);
        this.maxDepth = maxDepth;
        this.maxDocuments = maxDocuments;
        this.maxBytes = maxBytes;
    }

    /** What the limits stopped, one sentence per limit, and the embedded documents left unread (RAR). */
    Set<String> warnings() {
        return warnings;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (depth >= maxDepth) {
            warnings.add("embedded documents nested deeper than " + maxDepth
                    + " levels were not extracted (limit: embedded nesting depth " + maxDepth + ")");
            return false;
        }
        if (documents >= maxDocuments) {
            warnings.add("more than " + String.format(java.util.Locale.ROOT, "%,d", maxDocuments)
                    + " embedded documents: the rest were not extracted (limit: embedded documents per file "
                    + String.format(java.util.Locale.ROOT, "%,d", maxDocuments) + ")");
            return false;
        }
        if (bytes >= maxBytes) {
            warnings.add(bytesWarning());
            return false;
        }
        return delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        depth++;
        documents++;
        // Not closed here: it holds nothing but the container, which Tika's extractor closes after the parse.
        TikaInputStream counted = TikaInputStream.get(new Budget(stream));
        if (stream instanceof TikaInputStream original && original.getOpenContainer() != null) {
            counted.setOpenContainer(original.getOpenContainer(), original.hasLength() ? original.getLength() : -1);
        }
        try {
            delegate.parseEmbedded(counted, handler, metadata, outputHtml);
        } catch (BudgetExceeded e) {
            // the warning is added below: some parsers swallow the exception, and it must not matter
        } finally {
            depth--;
        }
        if (bytes > maxBytes) {
            warnings.add(bytesWarning());
        }
        String unread = RarFiles.notExtracted(metadata);
        if (unread != null) {
            warnings.add(unread);
        }
    }

    private String bytesWarning() {
        return "embedded documents hold more than " + (maxBytes >> 20) + " MiB (a zip bomb?): extraction stopped there"
                + " (limit: embedded content per file " + (maxBytes >> 20) + " MiB)";
    }

    private static final class BudgetExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("embedded content budget exceeded");
        }
    }

    /** Counts bytes read (or skipped) from every embedded document against one budget. */
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

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                spend(skipped);
            }
            return skipped;
        }

        private void spend(long n) throws IOException {
            bytes += n;
            if (bytes > maxBytes) {
                throw new BudgetExceeded();
            }
        }
    }
}
