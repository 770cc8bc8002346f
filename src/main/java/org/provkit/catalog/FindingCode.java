package org.provkit.catalog;

import org.provkit.verify.Severity;

/** The codes of audit findings (issue 6), each with the severity it always has. */
public enum FindingCode {
    /** The bundle is not a valid bag (a checksum, a file, the signature...), or cannot be read. */
    INTEGRITY(Severity.ERROR),
    /**
     * The bundle is valid, but verify warned: a damaged tar or zip header, data after the archive's end,
     * BagIt irregularities (duplicate lines, md5sum-style lines, names that differ only by case...).
     */
    INTEGRITY_WARNING(Severity.WARNING),
    /** The bundle carries no signature. */
    UNSIGNED(Severity.WARNING),
    /** Trust anchors were given and the signer does not chain to any of them. */
    UNTRUSTED(Severity.ERROR),
    /** The document has no attribution chain at all. */
    UNATTRIBUTED(Severity.WARNING),
    /** A party of the chain is no registered party and no URL of the document or the hop points to it. */
    UNRESOLVED_SOURCE(Severity.WARNING),
    /** Different origins are claimed for one document (within its record, or across bundles). */
    CONFLICTING_ATTRIBUTION(Severity.WARNING),
    /** One asset the document lost (one finding per asset). */
    MISSING_ASSET(Severity.WARNING),
    /** A record in the bundle could not be read, so the catalog lacks that document. */
    UNREADABLE_RECORD(Severity.WARNING);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
