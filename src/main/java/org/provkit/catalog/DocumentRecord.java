package org.provkit.catalog;

import java.util.List;

/**
 * What the catalog keeps of one {@code data/records/<path>.json}: the fields of the record contract
 * (DESIGN.md, "inspect --json"), each optional, and the record itself as JSON text.
 *
 * @param recordPath path of the record inside the bag ({@code data/records/...json})
 * @param conflicts  attribution conflicts the record itself declares ({@code attribution.conflicts}, or
 *                   warnings that mention a conflict), as sentences
 * @param container  whether the document is a container (a zip, a web archive) whose members have records of
 *                   their own: it has no text or chain of its own
 */
public record DocumentRecord(
        String recordPath,
        String path,
        String originalPath,
        String textPath,
        String mediaType,
        Long bytes,
        String sha256,
        String sha512,
        String language,
        String title,
        List<ChainHop> chain,
        List<Credit> credits,
        List<MissingAsset> missingAssets,
        List<DocumentUrl> urls,
        List<String> warnings,
        String extractionStatus,
        List<String> conflicts,
        String json,
        boolean container) {

    /** A document that is not a container. */
    public DocumentRecord(String recordPath, String path, String originalPath, String textPath, String mediaType, Long bytes,
            String sha256, String sha512, String language, String title, List<ChainHop> chain, List<Credit> credits,
            List<MissingAsset> missingAssets, List<DocumentUrl> urls, List<String> warnings, String extractionStatus,
            List<String> conflicts, String json) {
        this(recordPath, path, originalPath, textPath, mediaType, bytes, sha256, sha512, language, title, chain, credits,
                missingAssets, urls, warnings, extractionStatus, conflicts, json, false);
    }

    /**
     * One hop of an attribution chain, origin first.
     *
     * @param registered whether the party is in the agency registry ({@code registered} or {@code known}
     *                   in the record); null when the record does not say
     * @param domains    web domains the record ties to this party (its {@code urls}, {@code domains})
     * @param evidence   the hop's evidence, as JSON text (an array)
     * @param json       the whole hop as JSON text, extra fields included
     */
    public record ChainHop(String party, String role, Boolean registered, List<String> domains,
            List<String> evidenceTexts, String evidence, String json) {
    }

    public record Credit(String asset, String party, String evidenceText, Integer line) {
    }

    /**
     * @param target where the lost asset was, when the record says (a captured page's image URL)
     * @param reason why it counts as lost, when the record says ({@code not captured})
     */
    public record MissingAsset(String kind, String marker, Integer line, String credit, String target, String reason) {

        public MissingAsset(String kind, String marker, Integer line, String credit) {
            this(kind, marker, line, credit, null, null);
        }
    }

    public record DocumentUrl(String url, String role, String normalized, String domain) {
    }
}
