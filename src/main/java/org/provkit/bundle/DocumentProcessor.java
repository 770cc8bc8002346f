package org.provkit.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.provkit.Json;
import org.provkit.extract.Extraction;
import org.provkit.extract.FileDigests;
import org.provkit.extract.Extractor;
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

    private final Extractor extractor;
    private final ProvenanceAnalyzer analyzer;

    public DocumentProcessor(Extractor extractor, ProvenanceAnalyzer analyzer) {
        this.extractor = extractor;
        this.analyzer = analyzer;
    }

    /** Extracts {@code source} writing its text to {@code textFile}, then works out its provenance. */
    public ProcessedDocument process(SourceFile source, Path textFile, Set<String> siblingPaths) throws IOException {
        Extraction extraction = extractor.extract(source.file(), textFile);
        if (extraction.digests().bytes() != source.size()) {
            throw new SourceChangedException(source.recordedPath() + ": changed while it was being bundled ("
                    + extraction.digests().bytes() + " bytes read, " + source.size() + " expected)");
        }
        DocumentProvenance provenance = analyzer.analyze(new SourceDocument(source.recordedPath(), source.file(),
                extraction.mediaType(), textFile, extraction.metadata(), siblingPaths));
        ObjectNode record = record(source, extraction, provenance, extraction.text());
        return new ProcessedDocument(source, extraction, provenance, extraction.text(), record);
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
        record.put("originalPath", BagPaths.original(source.bagName()));
        record.put("textPath", BagPaths.text(source.bagName()));
        if (source.rawNameHex() != null) {
            record.put("originalNameHex", source.rawNameHex());
        }
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
}
