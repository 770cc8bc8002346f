package org.provkit.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.provkit.Json;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.extract.Extraction;
import org.provkit.extract.FileDigests;
import org.provkit.extract.TikaExtractor;
import org.provkit.provenance.DocumentProvenance;
import org.provkit.provenance.ProvenanceAnalyzer;
import org.provkit.provenance.SourceDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Extraction then attribution of one source: what {@code inspect} prints and {@code bundle} records.
 * Thread-safe: one instance serves the whole pool.
 */
public final class DocumentProcessor {

    private final TikaExtractor extractor;
    private final ProvenanceAnalyzer analyzer;

    public DocumentProcessor(TikaExtractor extractor, ProvenanceAnalyzer analyzer) {
        this.extractor = extractor;
        this.analyzer = analyzer;
    }

    /** Extracts {@code source} writing its text to {@code textFile}, then works out its provenance. */
    public ProcessedDocument process(SourceFile source, Path textFile, Set<String> siblingPaths) throws IOException {
        MessageDigest textSha256 = ChecksumAlgorithm.SHA256.newDigest();
        MessageDigest textSha512 = ChecksumAlgorithm.SHA512.newDigest();
        Extraction extraction;
        long textBytes;
        try (CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(textFile, StandardOpenOption.CREATE_NEW), 1 << 16),
                textSha256), textSha512))) {
            extraction = extractor.extract(source.file(), source.recordedPath(), counted);
            counted.flush();
            textBytes = counted.count();
        }
        HexFormat hex = HexFormat.of();
        FileDigests textDigests = new FileDigests(textBytes, hex.formatHex(textSha256.digest()), hex.formatHex(textSha512.digest()));
        if (extraction.digests().bytes() != source.size()) {
            throw new SourceChangedException(source.recordedPath() + ": changed while it was being bundled ("
                    + extraction.digests().bytes() + " bytes read, " + source.size() + " expected)");
        }
        DocumentProvenance provenance = analyzer.analyze(new SourceDocument(source.recordedPath(), source.file(),
                extraction.mediaType(), textFile, extraction.metadata(), siblingPaths));
        ObjectNode record = record(source, extraction, provenance, textDigests);
        return new ProcessedDocument(source, extraction, provenance, textDigests, record);
    }

    /** The record JSON: the {@code inspect --json} fields first, then checksums, extraction and metadata. */
    static ObjectNode record(SourceFile source, Extraction extraction, DocumentProvenance provenance, FileDigests textDigests) {
        ObjectNode prov = Json.mapper().valueToTree(provenance);
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("path", source.recordedPath());
        record.put("mediaType", extraction.mediaType());
        record.set("language", prov.path("language"));
        record.set("title", prov.path("title"));
        record.put("sha256", extraction.digests().sha256());
        record.put("sha512", extraction.digests().sha512());
        record.put("bytes", extraction.digests().bytes());
        record.put("originalPath", BagPaths.original(source.recordedPath()));
        record.put("textPath", BagPaths.text(source.recordedPath()));
        List<String> reserved = List.of("language", "title", "warnings");
        prov.fields().forEachRemaining(field -> {
            if (!reserved.contains(field.getKey())) {
                record.set(field.getKey(), field.getValue());
            }
        });
        ArrayNode warnings = record.putArray("warnings");
        extraction.warnings().forEach(warnings::add);
        JsonNode provWarnings = prov.path("warnings");
        if (provWarnings.isArray()) {
            provWarnings.forEach(warnings::add);
        }
        ObjectNode extractionNode = record.putObject("extraction");
        extractionNode.put("status", extraction.status().name().toLowerCase(java.util.Locale.ROOT));
        extractionNode.put("textChars", extraction.textChars());
        extractionNode.put("textBytes", textDigests.bytes());
        extractionNode.put("textSha256", textDigests.sha256());
        ArrayNode extractionWarnings = extractionNode.putArray("warnings");
        extraction.warnings().forEach(extractionWarnings::add);
        ObjectNode metadata = record.putObject("metadata");
        extraction.metadata().forEach((key, values) -> {
            ArrayNode array = metadata.putArray(key);
            values.forEach(array::add);
        });
        return record;
    }

    /** All the warnings of a processed document, for summaries. */
    static List<String> warnings(ObjectNode record) {
        List<String> out = new ArrayList<>();
        record.path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }

    static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
