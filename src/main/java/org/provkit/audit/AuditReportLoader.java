package org.provkit.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.provkit.Json;
import org.provkit.audit.AuditReport.BundleSummary;
import org.provkit.audit.AuditReport.DocumentSummary;
import org.provkit.audit.AuditReport.Hop;
import org.provkit.audit.AuditReport.PartyLink;
import org.provkit.audit.AuditReport.PartyTotals;
import org.provkit.catalog.Catalog;
import org.provkit.catalog.CatalogFinding;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.FindingCode;
import org.provkit.verify.Finding;
import org.provkit.verify.Severity;

/** Reads an {@link AuditReport} out of the catalog with a handful of whole-table queries. */
public final class AuditReportLoader {

    private AuditReportLoader() {
    }

    public static AuditReport load(Catalog catalog, String archives, CatalogUpdater.Stats stats, boolean trustRequested,
            Instant generated) {
        Map<Long, List<Finding>> issues = new HashMap<>();
        for (Object[] row : catalog.query("SELECT bundle_id, code, severity, path, message FROM verification_issues"
                + " ORDER BY bundle_id, position", r -> new Object[] {r.getLong(1),
                    new Finding(r.getString(2), Severity.valueOf(r.getString(3)), r.getString(4), r.getString(5))})) {
            issues.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Finding) row[1]);
        }
        List<BundleSummary> bundles = catalog.query("""
                SELECT b.id, b.path, b.name, b.format, b.valid, b.complete, b.signed, b.signer, b.trusted, b.timestamp,
                       b.payload_bytes, b.payload_files,
                       (SELECT count(*) FROM documents d WHERE d.bundle_id = b.id),
                       b.bagging_date, b.source_organization, b.tagmanifest_sha256
                FROM bundles b ORDER BY b.path""",
                r -> {
                    Object trusted = r.getObject(9);
                    return new BundleSummary(r.getString(2), r.getString(3), r.getString(4), r.getInt(5) != 0,
                            r.getInt(6) != 0, r.getInt(7) != 0, r.getString(8),
                            trusted == null ? null : ((Number) trusted).intValue() != 0, r.getString(10), r.getLong(11),
                            r.getLong(12), r.getInt(13), r.getString(14), r.getString(15), r.getString(16),
                            List.copyOf(issues.getOrDefault(r.getLong(1), List.of())));
                });

        Map<Long, List<Hop>> hops = new HashMap<>();
        Map<String, Boolean> registered = new HashMap<>();
        for (Object[] row : catalog.query("""
                SELECT h.document_id, p.name, h.role, h.registered FROM chain_hops h JOIN parties p ON p.id = h.party_id
                ORDER BY h.document_id, h.position""",
                r -> new Object[] {r.getLong(1), new Hop(r.getString(2), r.getString(3)), r.getObject(4)})) {
            Hop hop = (Hop) row[1];
            hops.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(hop);
            if (row[2] != null) {
                registered.merge(hop.party(), ((Number) row[2]).intValue() != 0, Boolean::logicalOr);
            }
        }
        List<DocumentSummary> documents = catalog.query("""
                SELECT d.id, b.path, d.path, d.title, d.language, d.media_type, d.bytes, d.sha256, d.record_json
                FROM documents d JOIN bundles b ON b.id = d.bundle_id ORDER BY b.path, d.path""",
                r -> {
                    JsonNode record = parse(r.getString(9));
                    Object bytes = r.getObject(7);
                    List<Hop> chain = List.copyOf(hops.getOrDefault(r.getLong(1), List.of()));
                    JsonNode urls = orArray(record.get("urls"));
                    return new DocumentSummary(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), bytes == null ? null : ((Number) bytes).longValue(), r.getString(8),
                            orDefault(record.get("attribution"), chainless()), orArray(record.get("missingAssets")),
                            orArray(record.get("credits")), urls, ChainRoles.origin(chain), ChainRoles.publisher(chain),
                            DocumentFacts.canonicalUrl(urls), DocumentFacts.date(record), DocumentFacts.warnings(record), chain);
                });

        List<CatalogFinding> findings = catalog.query("""
                SELECT f.code, f.severity, b.path, d.path, f.message
                FROM findings f JOIN bundles b ON b.id = f.bundle_id LEFT JOIN documents d ON d.id = f.document_id
                ORDER BY f.severity <> 'ERROR', b.path, d.path IS NOT NULL, d.path, f.id""",
                r -> new CatalogFinding(FindingCode.valueOf(r.getString(1)), Severity.valueOf(r.getString(2)),
                        r.getString(3), r.getString(4), r.getString(5)));

        Map<String, Set<Long>> credited = new HashMap<>();
        for (Object[] row : catalog.query("SELECT c.document_id, p.name FROM credits c JOIN parties p ON p.id = c.party_id",
                r -> new Object[] {r.getLong(1), r.getString(2)})) {
            credited.computeIfAbsent((String) row[1], k -> new HashSet<>()).add((Long) row[0]);
        }
        List<PartyTotals> parties = partyTotals(hops, credited, registered);
        List<PartyLink> links = partyLinks(hops);
        return new AuditReport(archives, catalog.file().toString(), generated,
                stats == null ? null : AuditReport.CatalogUpdate.of(stats), trustRequested,
                summarize(bundles, documents, findings, parties), bundles, documents, findings, parties, links);
    }

    private static AuditReport.Summary summarize(List<BundleSummary> bundles, List<DocumentSummary> documents,
            List<CatalogFinding> findings, List<PartyTotals> parties) {
        int valid = (int) bundles.stream().filter(BundleSummary::valid).count();
        int signed = (int) bundles.stream().filter(BundleSummary::signed).count();
        int attributed = (int) documents.stream().filter(d -> !d.chain().isEmpty()).count();
        int missing = documents.stream().mapToInt(DocumentSummary::missingAssetCount).sum();
        int errors = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new AuditReport.Summary(bundles.size(), valid, bundles.size() - valid, signed, documents.size(), attributed,
                documents.size() - attributed, missing, parties.size(), errors, findings.size() - errors);
    }

    private static List<PartyTotals> partyTotals(Map<Long, List<Hop>> hops, Map<String, Set<Long>> credited,
            Map<String, Boolean> registered) {
        record Tally(Set<Long> documents, Set<Long> originated, Set<Long> published, Set<Long> intermediary) {
        }
        Map<String, Tally> tallies = new TreeMap<>();
        for (Map.Entry<Long, List<Hop>> chain : hops.entrySet()) {
            List<Hop> list = chain.getValue();
            for (int i = 0; i < list.size(); i++) {
                Hop hop = list.get(i);
                Tally tally = tallies.computeIfAbsent(hop.party(),
                        k -> new Tally(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>()));
                tally.documents().add(chain.getKey());
                Set<ChainRoles.Kind> kinds = EnumSet.copyOf(ChainRoles.kinds(hop.role(), i, list.size()));
                if (kinds.contains(ChainRoles.Kind.ORIGIN)) {
                    tally.originated().add(chain.getKey());
                }
                if (kinds.contains(ChainRoles.Kind.PUBLISHER)) {
                    tally.published().add(chain.getKey());
                }
                if (kinds.contains(ChainRoles.Kind.INTERMEDIARY)) {
                    tally.intermediary().add(chain.getKey());
                }
            }
        }
        for (String party : credited.keySet()) {
            tallies.computeIfAbsent(party, k -> new Tally(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>()));
        }
        List<PartyTotals> totals = new ArrayList<>();
        tallies.forEach((name, tally) -> totals.add(new PartyTotals(name, tally.documents().size(), tally.originated().size(),
                tally.published().size(), tally.intermediary().size(), credited.getOrDefault(name, Set.of()).size(),
                registered.get(name))));
        totals.sort(Comparator.comparingInt(PartyTotals::documents).reversed().thenComparing(PartyTotals::name));
        return totals;
    }

    private static List<PartyLink> partyLinks(Map<Long, List<Hop>> hops) {
        Map<List<String>, Set<Long>> links = new LinkedHashMap<>();
        for (Map.Entry<Long, List<Hop>> chain : hops.entrySet()) {
            List<Hop> list = chain.getValue();
            for (int i = 0; i + 1 < list.size(); i++) {
                String from = list.get(i).party();
                String to = list.get(i + 1).party();
                if (!from.equals(to)) {
                    links.computeIfAbsent(List.of(from, to), k -> new HashSet<>()).add(chain.getKey());
                }
            }
        }
        List<PartyLink> result = new ArrayList<>();
        links.forEach((pair, documents) -> result.add(new PartyLink(pair.get(0), pair.get(1), documents.size())));
        result.sort(Comparator.comparingInt(PartyLink::documents).reversed().thenComparing(PartyLink::from)
                .thenComparing(PartyLink::to));
        return result;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return node == null || !node.isObject() ? JsonNodeFactory.instance.objectNode() : node;
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static JsonNode chainless() {
        return JsonNodeFactory.instance.objectNode().set("chain", JsonNodeFactory.instance.arrayNode());
    }

    private static JsonNode orDefault(JsonNode node, JsonNode fallback) {
        return node == null || node.isNull() || !node.isObject() ? fallback : node;
    }

    private static JsonNode orArray(JsonNode node) {
        return node == null || !node.isArray() ? JsonNodeFactory.instance.arrayNode() : node;
    }
}
