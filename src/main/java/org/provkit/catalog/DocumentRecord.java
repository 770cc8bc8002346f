package org.provkit.catalog;

import java.util.List;

/**
 * What the catalog keeps of one {@code data/records/<path>.json}: the fields of the record contract
 * (DESIGN.md, "inspect --json"), each optional, and the record itself as JSON text.
 *
 * @param recordPath path of the record inside the bag ({@code data/records/...json})
 * @param conflicts  attribution conflicts the record itself declares ({@code attribution.conflicts}, or
 *                   warnings that mention a conflict), as sentences
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
        String json) {

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

    public record MissingAsset(String kind, String marker, Integer line, String credit) {
    }

    public record DocumentUrl(String url, String role, String normalized, String domain) {
    }
}
