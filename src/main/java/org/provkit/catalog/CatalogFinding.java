package org.provkit.catalog;

import org.provkit.verify.Severity;

/**
 * One audit finding, as a value.
 *
 * @param bundle   the bundle's path relative to the archives folder
 * @param document the document's recorded path, or null for a finding about the whole bundle
 */
public record CatalogFinding(FindingCode code, Severity severity, String bundle, String document, String message) {

    public static CatalogFinding of(FindingCode code, String bundle, String document, String message) {
        return new CatalogFinding(code, code.severity(), bundle, document, message);
    }
}
