package org.provkit.bundle;

import org.provkit.extract.Extraction;
import org.provkit.extract.FileDigests;
import org.provkit.provenance.DocumentProvenance;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A source after extraction and attribution: what goes into its record, text and the PROV graph. */
public record ProcessedDocument(SourceFile source, Extraction extraction, DocumentProvenance provenance,
        FileDigests textDigests, ObjectNode record) {
}
