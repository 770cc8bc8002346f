package org.provkit.bundle;

import java.time.Instant;
import java.util.List;

import org.provkit.Json;
import org.provkit.container.Capture;
import org.provkit.container.CrawlGap;
import org.provkit.container.MemberIdentity;
import org.provkit.container.Revisit;
import org.provkit.provenance.DocumentProvenance;
import org.provkit.provenance.Membership;
import org.provkit.provenance.ProvDocumentEntry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The record of a member of a container: a document's record with, after its {@code path}, the {@code container}
 * it is in, which {@code member} of it it is, and for a web capture its {@code capture} (URL, time, status,
 * digests, crawler). The record is the one source of what the PROV graph says of the member.
 */
final class MemberRecords {

    private static final ObjectReader PROVENANCE = Json.mapper().readerFor(DocumentProvenance.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MemberRecords() {
    }

    /** {@code record} with the member's fields after its path, and without a path of its own in the bag's originals. */
    static ObjectNode of(ObjectNode record, String containerPath, MemberIdentity identity, Capture capture) {
        ObjectNode out = Json.mapper().createObjectNode();
        record.fields().forEachRemaining(field -> {
            if (field.getKey().equals("originalPath")) {
                return;
            }
            out.set(field.getKey(), field.getValue());
            if (field.getKey().equals("path")) {
                out.put("container", containerPath);
                out.set("member", Json.mapper().valueToTree(identity));
                if (capture != null) {
                    out.set("capture", capture(capture));
                }
            }
        });
        return out;
    }

    static ObjectNode capture(Capture capture) {
        ObjectNode node = Json.mapper().createObjectNode();
        putIf(node, "url", capture.url());
        putIf(node, "date", capture.date());
        if (capture.httpStatus() != null) {
            node.put("httpStatus", capture.httpStatus());
        }
        putIf(node, "contentType", capture.contentType());
        putIf(node, "location", capture.location());
        putIf(node, "payloadDigest", capture.payloadDigest());
        putIf(node, "digests", capture.digests());
        if (capture.crawler() != null) {
            node.set("crawler", Json.mapper().valueToTree(capture.crawler()));
        }
        Revisit revisit = capture.revisit();
        if (revisit != null) {
            ObjectNode r = node.putObject("revisit");
            putIf(r, "profile", revisit.profile());
            putIf(r, "refersTo", revisit.refersTo());
            putIf(r, "refersToUrl", revisit.refersToUrl());
            putIf(r, "refersToDate", revisit.refersToDate());
            putIf(r, "resolvedRecord", revisit.resolvedRecord());
            if (revisit.resolvedOffset() != null) {
                r.put("resolvedOffset", revisit.resolvedOffset());
            }
            r.put("resolved", revisit.resolved());
        }
        if (capture.page() != null) {
            node.set("page", Json.mapper().valueToTree(capture.page()));
        }
        return node;
    }

    /** Adds a captured page's images that its crawl does not hold to its record's missing assets. */
    static void addGaps(ObjectNode record, List<CrawlGap> gaps) {
        ArrayNode missing = record.withArrayProperty("missingAssets");
        for (CrawlGap gap : gaps) {
            ObjectNode asset = missing.addObject();
            asset.put("kind", gap.asset().kind());
            asset.put("marker", gap.asset().reference());
            if (gap.asset().line() != null) {
                asset.put("line", gap.asset().line());
            }
            asset.put("source", "crawl");
            asset.put("target", gap.asset().url());
            asset.put("location", gap.asset().attribute());
            asset.put("in", "markup");
            asset.put("reason", gap.reason());
        }
    }

    /** What the PROV graph records of a member, read back from its record. */
    static ProvDocumentEntry prov(ObjectNode record, boolean collection) {
        DocumentProvenance provenance;
        try {
            provenance = PROVENANCE.readValue(record);
        } catch (java.io.IOException e) {
            provenance = null;
        }
        String path = record.path("path").asText();
        JsonNode member = record.path("member");
        JsonNode capture = record.path("capture");
        JsonNode crawler = capture.path("crawler");
        Membership membership = new Membership(record.path("container").asText(), member.path("name").asText(null),
                member.path("recordId").asText(null), member.path("offset").isNumber() ? member.path("offset").asLong() : null,
                capture.path("url").asText(null), instant(capture.path("date").asText(null)),
                crawler.path("software").asText(null), crawler.path("operator").asText(null));
        return new ProvDocumentEntry(path, null, text(record, "textPath"), BagPaths.record(path), text(record, "sha256"),
                text(record, "mediaType"), collection ? null : provenance, membership, collection);
    }

    private static String text(JsonNode record, String field) {
        JsonNode node = record.path(field);
        return node.isTextual() ? node.asText() : null;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static void putIf(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    /** The member's warnings and its own, merged into its record's warnings. */
    static void addWarnings(ObjectNode record, List<String> warnings) {
        ArrayNode array = record.withArrayProperty("warnings");
        warnings.forEach(array::add);
    }
}
