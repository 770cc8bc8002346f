package org.provkit.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import org.provkit.catalog.CatalogFinding;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.verify.Finding;
import org.provkit.verify.Severity;

/**
 * An audit of one archives folder, read back from its catalog. Serialized as is by {@code --json};
 * the component names are the contract of issue 6.
 */
public record AuditReport(
        String archives,
        String catalog,
        @JsonSerialize(using = ToStringSerializer.class) Instant generated,
        CatalogUpdate catalogUpdate,
        boolean trustRequested,
        Summary summary,
        List<BundleSummary> bundles,
        List<DocumentSummary> documents,
        List<CatalogFinding> findings,
        List<PartyTotals> parties,
        List<PartyLink> links) {

    /** What this run did to the catalog. */
    public record CatalogUpdate(int bundles, int indexed, int unchanged, int removed, double seconds) {
        static CatalogUpdate of(CatalogUpdater.Stats stats) {
            return new CatalogUpdate(stats.bundles(), stats.indexed(), stats.unchanged(), stats.removed(),
                    stats.elapsed().toMillis() / 1000.0);
        }
    }

    public record Summary(int bundles, int validBundles, int invalidBundles, int signedBundles, int documents,
            int attributedDocuments, int unattributedDocuments, int missingAssets, int parties, int errors, int warnings) {
    }

    /**
     * A bundle: integrity and signature ({@code trusted} null when no trust anchors were given), and
     * what the verifier found ({@code issues}).
     */
    public record BundleSummary(String path, String name, String format, boolean valid, boolean complete, boolean signed,
            String signer, Boolean trusted, String timestamp, long payloadBytes, long payloadFiles, int documents,
            String baggingDate, String sourceOrganization, String tagmanifestSha256, List<Finding> issues) {
    }

    /**
     * A document with its attribution ({@code attribution.chain[]}), missing assets, credits and URLs
     * exactly as its record holds them; {@code origin} and {@code publisher} as every view of the audit names
     * them ({@link ChainRoles}; null when the chain has none: a lone hop with the role origin names no
     * publisher, as inspect says); its canonical URL (http or https), its date (publication, else creation, as
     * the record's metadata give it, {@code yyyy-MM-dd} when it is an ISO date) and the warnings bundling recorded.
     */
    public record DocumentSummary(String bundle, String path, String title, String language, String mediaType, Long bytes,
            String sha256, JsonNode attribution, JsonNode missingAssets, JsonNode credits, JsonNode urls,
            String origin, String publisher, String canonicalUrl, String date, List<String> warnings,
            @JsonIgnore List<Hop> chain) {

        @JsonIgnore
        public int missingAssetCount() {
            return missingAssets != null && missingAssets.isArray() ? missingAssets.size() : 0;
        }
    }

    /** One hop of a chain as the catalog holds it: party and role. */
    public record Hop(String party, String role) {
    }

    /**
     * How often a party appears: documents it originated, published (last hop, or role publisher),
     * passed on in between, and assets credited to it.
     */
    public record PartyTotals(String name, int documents, int originated, int published, int intermediary, int credited,
            Boolean registered) {
    }

    /** Documents whose chain passes from one party directly to the next. */
    public record PartyLink(String from, String to, int documents) {
    }

    /**
     * The audit's exit code: {@link org.provkit.ExitCode#PROBLEMS} when a finding is an error (a bundle failed
     * integrity, an untrusted signer), or any finding at all when warnings fail too; else OK.
     */
    public int exitCode(boolean failOnWarnings) {
        Severity worst = worstSeverity();
        boolean fails = worst == Severity.ERROR || (worst != null && failOnWarnings);
        return fails ? org.provkit.ExitCode.PROBLEMS : org.provkit.ExitCode.OK;
    }

    /** The worst severity among the findings, null without findings. */
    public Severity worstSeverity() {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return Severity.ERROR;
        }
        return findings.isEmpty() ? null : Severity.WARNING;
    }
}
