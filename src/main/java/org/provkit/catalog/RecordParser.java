package org.provkit.catalog;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.provkit.Json;
import org.provkit.catalog.DocumentRecord.ChainHop;
import org.provkit.catalog.DocumentRecord.Credit;
import org.provkit.catalog.DocumentRecord.DocumentUrl;
import org.provkit.catalog.DocumentRecord.MissingAsset;

/**
 * Reads a document record tolerantly: unknown fields are ignored, every field is optional, a field of
 * an unexpected type counts as absent. Only JSON that is not JSON at all is an error.
 */
public final class RecordParser {

    private RecordParser() {
    }

    public static DocumentRecord parse(String recordPath, byte[] json) throws IOException {
        JsonNode root = Json.mapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        String path = text(root, "path");
        if (path == null) {
            path = pathFromRecordPath(recordPath);
        }
        JsonNode attribution = root.path("attribution");
        List<ChainHop> chain = new ArrayList<>();
        for (JsonNode hop : array(attribution, "chain")) {
            chain.add(hop(hop));
        }
        List<Credit> credits = new ArrayList<>();
        for (JsonNode credit : array(root, "credits")) {
            JsonNode evidence = credit.path("evidence");
            credits.add(new Credit(text(credit, "asset"), text(credit, "party"), text(evidence, "text"), integer(evidence, "line")));
        }
        List<MissingAsset> missing = new ArrayList<>();
        for (JsonNode asset : array(root, "missingAssets")) {
            missing.add(new MissingAsset(text(asset, "kind"), text(asset, "marker"), integer(asset, "line"), text(asset, "credit"),
                    text(asset, "target"), text(asset, "reason")));
        }
        List<DocumentUrl> urls = new ArrayList<>();
        for (JsonNode url : array(root, "urls")) {
            if (url.isTextual()) {
                urls.add(new DocumentUrl(url.asText(), null, null, hostOf(url.asText())));
            } else {
                String address = text(url, "url");
                String domain = text(url, "domain");
                urls.add(new DocumentUrl(address, text(url, "role"), text(url, "normalized"),
                        domain != null ? domain : hostOf(address)));
            }
        }
        List<String> warnings = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (JsonNode warning : array(root, "warnings")) {
            String sentence = sentence(warning);
            warnings.add(sentence);
            if (sentence.toLowerCase(Locale.ROOT).contains("conflict")) {
                conflicts.add(sentence);
            }
        }
        for (JsonNode conflict : array(attribution, "conflicts")) {
            conflicts.add(sentence(conflict));
        }
        JsonNode extraction = root.path("extraction");
        return new DocumentRecord(recordPath, path, text(root, "originalPath"), text(root, "textPath"),
                text(root, "mediaType"), longValue(root, "bytes"), text(root, "sha256"), text(root, "sha512"),
                text(root, "language"), text(root, "title"), List.copyOf(chain), List.copyOf(credits),
                List.copyOf(missing), List.copyOf(urls), List.copyOf(warnings), text(extraction, "status"),
                List.copyOf(conflicts), Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(root),
                root.path("members").isArray() && root.path("contents").isObject());
    }

    /** {@code data/records/seeds/a.txt.json} → {@code seeds/a.txt}. */
    static String pathFromRecordPath(String recordPath) {
        String path = recordPath.startsWith("data/records/") ? recordPath.substring("data/records/".length()) : recordPath;
        return path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
    }

    private static ChainHop hop(JsonNode hop) throws IOException {
        Boolean registered = bool(hop, "registered");
        if (registered == null) {
            registered = bool(hop, "known");
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String field : new String[] {"domains", "urls"}) {
            for (JsonNode value : array(hop, field)) {
                String text = value.isTextual() ? value.asText() : text(value, value.has("domain") ? "domain" : "url");
                addDomain(domains, text);
            }
        }
        addDomain(domains, text(hop, "domain"));
        addDomain(domains, text(hop, "url"));
        List<String> evidenceTexts = new ArrayList<>();
        JsonNode evidence = hop.path("evidence");
        if (evidence.isObject()) {
            evidence = Json.mapper().createArrayNode().add(evidence);
        }
        for (JsonNode item : array(evidence)) {
            String text = item.isTextual() ? item.asText() : text(item, "text");
            if (text != null) {
                evidenceTexts.add(text);
            }
            addDomain(domains, text(item, "url"));
            addDomain(domains, text(item, "domain"));
        }
        String evidenceJson = evidence.isMissingNode() ? "[]" : compact(evidence);
        return new ChainHop(text(hop, "party"), text(hop, "role"), registered, List.copyOf(domains),
                List.copyOf(evidenceTexts), evidenceJson, compact(hop));
    }

    private static void addDomain(Set<String> domains, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String host = value.contains("/") ? hostOf(value) : value.strip();
        if (host != null && !host.isEmpty()) {
            domains.add(host.toLowerCase(Locale.ROOT));
        }
    }

    /** The host of a URL without a leading {@code www.}; null when it has none. */
    static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String sentence(JsonNode value) throws IOException {
        if (value.isTextual()) {
            return value.asText();
        }
        String message = text(value, "message");
        String code = text(value, "code");
        if (message != null) {
            return code == null ? message : code + ": " + message;
        }
        return compact(value);
    }

    private static String compact(JsonNode node) throws IOException {
        return Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    }

    private static Iterable<JsonNode> array(JsonNode parent, String field) {
        return array(parent.path(field));
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Integer integer(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.canConvertToInt() && node.isNumber() ? node.intValue() : null;
    }

    private static Long longValue(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
    }

    private static Boolean bool(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isBoolean() ? node.booleanValue() : null;
    }
}
