package org.provkit.provenance;

/** Works out a document's language, title, URLs, attribution chain, credits and missing assets. */
public final class ProvenanceAnalyzer {

    public ProvenanceAnalyzer() {
    }

    public ProvenanceAnalyzer(java.nio.file.Path registry) {
    }

    /** Never throws for bad content: problems become warnings in the result. */
    public DocumentProvenance analyze(SourceDocument document) {
        return new DocumentProvenance(null, null, java.util.List.of(), new DocumentProvenance.Attribution(java.util.List.of()),
                java.util.List.of(), java.util.List.of(), java.util.List.of());
    }
}
