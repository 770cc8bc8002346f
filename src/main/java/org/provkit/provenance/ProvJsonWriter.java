package org.provkit.provenance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.provkit.Json;

/**
 * Writes a bundle's W3C PROV-JSON graph ({@code data/provenance.json}).
 *
 * <p>Per document: the original file, its extracted text and its record are entities; the article as the
 * publisher of this copy published it is an entity {@code document.*} attributed to the publisher, and each
 * upstream hop of the chain is a {@code version.*} entity attributed to its party, linked by
 * {@code wasDerivedFrom} (and {@code prov:PrimarySource} from the document to the origin's version). The original
 * file was derived from (captured from) the document. Parties are agents ({@code prov:Organization}); the
 * bundling is an activity that used the originals, generated texts and records, and was associated with the
 * provkit software agent acting on behalf of the archivist (and the archivist on behalf of the organisation).
 * Missing assets are {@code provkit:MissingAsset} entities that influenced the document and are attributed to
 * their credited party.
 *
 * <p>Deterministic: documents sorted by path, identifiers derived from paths and names, relation identifiers
 * numbered in that order, keys sorted; no clock or random value is read here.
 */
public final class ProvJsonWriter {

    public static final String PROVKIT_NS = "https://provkit.org/ns/provenance#";
    static final String PARTY_NS = "urn:provkit:party:";

    private ProvJsonWriter() {
    }

    /** As {@link #write(BundleActivity, Iterable, OutputStream, Path)}, for documents in any order, held in memory. */
    public static void write(BundleActivity activity, List<ProvDocumentEntry> documents, OutputStream out) throws IOException {
        List<ProvDocumentEntry> sorted = new ArrayList<>(documents);
        sorted.sort(ORDER);
        Path scratch = Files.createTempDirectory("provkit-prov");
        try {
            write(activity, sorted, out, scratch);
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }

    /** Writes values into a generator without flushing it after each (the sections write thousands). */
    private static final com.fasterxml.jackson.databind.ObjectWriter VALUES =
            Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /**
     * The order documents must come in: by place in the bag (the payload's packing order), else by source
     * path. The two differ only for names made portable in the bag (bundle/PortableNames).
     */
    public static final Comparator<ProvDocumentEntry> ORDER = Comparator.comparing(
            (ProvDocumentEntry d) -> d.originalPath() != null ? d.originalPath() : d.sourcePath(),
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Writes the graph of {@code sortedDocuments} (in {@link #ORDER}), taking one document at a time:
     * see {@link Incremental}.
     */
    public static void write(BundleActivity activity, Iterable<ProvDocumentEntry> sortedDocuments, OutputStream out, Path scratch)
            throws IOException {
        try (Incremental graph = open(activity, scratch)) {
            for (ProvDocumentEntry d : sortedDocuments) {
                graph.add(d);
            }
            graph.finish(activity.ended(), out);
        }
    }

    /**
     * Starts a graph whose documents are added one at a time, in {@link #ORDER}, while they are still
     * being produced; the bundling's end time is given at the end. What each document adds is moved to
     * one temporary file per section (in {@code scratch}) every few hundred documents, and the sections
     * are copied out at the end. Memory holds the parties and the documents' identifiers, never the
     * graph: 100,000 documents take what 1,000 do.
     */
    public static Incremental open(BundleActivity activity, Path scratch) {
        return new Incremental(activity, scratch);
    }

    /** A graph being written; see {@link #open(BundleActivity, Path)}. */
    public static final class Incremental implements AutoCloseable {
        private final Graph g = new Graph();
        private final String bundling;
        /** One identifier per document, kept to the end: compact, since a crawl has tens of thousands of members. */
        private final org.provkit.StringTable usedIds = new org.provkit.StringTable();
        private final Sections sections;
        private ProvDocumentEntry last;
        private int pending;

        private Incremental(BundleActivity activity, Path scratch) {
            this.bundling = header(g, activity);
            this.sections = new Sections(scratch);
        }

        /**
         * Adds the next document: source files in {@link #ORDER}; the members of a container after it, in the
         * container's order (they may come after later source files).
         */
        public void add(ProvDocumentEntry d) throws IOException {
            if (d.membership() == null) {
                if (last != null && ORDER.compare(last, d) > 0) {
                    throw new IllegalArgumentException("PROV documents out of order: " + d.sourcePath() + " after " + last.sourcePath());
                }
                last = d;
            }
            String docId = uniqueId(localName(d.sourcePath() == null ? d.originalPath() : d.sourcePath()), usedIds);
            document(g, d, docId, bundling);
            if (++pending == 256) {
                sections.drain(g);
                pending = 0;
            }
        }

        /** Writes the whole graph to {@code out}, with the bundling's end time when there is one. */
        public void finish(Instant ended, OutputStream out) throws IOException {
            if (ended != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> act = (Map<String, Object>) g.activity.get(bundling);
                act.put("prov:endTime", time(ended));
            }
            sections.drain(g);
            // LF line ends whatever the platform, so that the same bundle gives the same bytes everywhere.
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            sections.writeGraph(g, out, printer);
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            sections.close();
        }
    }

    /** The bundling activity, the software and people behind it; returns the activity's identifier. */
    private static String header(Graph g, BundleActivity activity) {
        String bundleName = activity.bundleName() == null ? "bundle" : activity.bundleName();
        g.prefix.put("provkit", PROVKIT_NS);
        g.prefix.put("bundle", "urn:provkit:bundle:" + URLEncoder.encode(bundleName, StandardCharsets.UTF_8) + ":");
        g.prefix.put("party", PARTY_NS);

        String bundling = "bundle:bundling";
        Map<String, Object> act = new TreeMap<>();
        act.put("prov:label", "bundling of " + bundleName);
        act.put("prov:type", qname("provkit:Bundling"));
        if (activity.started() != null) {
            act.put("prov:startTime", time(activity.started()));
        }
        if (activity.ended() != null) {
            act.put("prov:endTime", time(activity.ended()));
        }
        g.activity.put(bundling, act);

        String software = "bundle:software";
        g.agent.put(software, attrs("prov:type", qname("prov:SoftwareAgent"), "prov:label",
                activity.softwareAgent() == null ? "provkit" : activity.softwareAgent()));
        g.relation("wasAssociatedWith", attrs("prov:activity", bundling, "prov:agent", software));
        String archivist = null;
        if (activity.archivist() != null && !activity.archivist().isBlank()) {
            archivist = "bundle:archivist";
            g.agent.put(archivist, attrs("prov:type", qname("prov:Person"), "prov:label", activity.archivist()));
            g.relation("wasAssociatedWith", attrs("prov:activity", bundling, "prov:agent", archivist));
        }
        String organization = null;
        if (activity.organization() != null && !activity.organization().isBlank()) {
            organization = "bundle:organization";
            g.agent.put(organization, attrs("prov:type", qname("prov:Organization"), "prov:label", activity.organization()));
        }
        String principal = archivist != null ? archivist : organization;
        if (principal != null) {
            g.relation("actedOnBehalfOf", attrs("prov:delegate", software, "prov:responsible", principal, "prov:activity", bundling));
        }
        if (archivist != null && organization != null) {
            g.relation("actedOnBehalfOf", attrs("prov:delegate", archivist, "prov:responsible", organization));
        }

        return bundling;
    }

    static ObjectNode build(BundleActivity activity, List<ProvDocumentEntry> documents) {
        Graph g = new Graph();
        String bundling = header(g, activity);
        List<ProvDocumentEntry> sorted = new ArrayList<>(documents);
        sorted.sort(ORDER);
        Set<String> usedIds = new HashSet<>();
        for (ProvDocumentEntry d : sorted) {
            String docId = uniqueId(localName(d.sourcePath() == null ? d.originalPath() : d.sourcePath()), usedIds);
            document(g, d, docId, bundling);
        }
        return g.toJson();
    }

    private static void document(Graph g, ProvDocumentEntry d, String docId, String bundling) {
        DocumentProvenance p = d.provenance();
        String original = "bundle:original." + docId;
        Map<String, Object> orig = new TreeMap<>();
        orig.put("prov:type", d.collection() ? List.of(qname("provkit:Original"), qname("prov:Collection")) : qname("provkit:Original"));
        putIf(orig, "provkit:path", d.sourcePath());
        putIf(orig, "provkit:bagPath", d.originalPath());
        putIf(orig, "provkit:sha256", d.sha256());
        putIf(orig, "provkit:mediaType", d.mediaType());
        if (p != null) {
            putIf(orig, "prov:label", p.title());
            putIf(orig, "provkit:language", p.language());
        }
        if (d.collection()) {
            g.collections.put(d.sourcePath(), original);
        }
        Membership member = d.membership();
        if (member != null) {
            putIf(orig, "provkit:container", member.containerPath());
            putIf(orig, "provkit:memberName", member.memberName());
            putIf(orig, "provkit:warcRecordId", member.recordId());
            if (member.offset() != null) {
                orig.put("provkit:offset", typed(Long.toString(member.offset()), "xsd:long"));
            }
        }
        g.entity.put(original, orig);
        g.relation("used", attrs("prov:activity", bundling, "prov:entity", original));
        if (member != null) {
            membership(g, member, original);
        }
        for (String[] derived : new String[][] {{"text", d.textPath(), "provkit:ExtractedText"},
                {"record", d.recordPath(), "provkit:ProvenanceRecord"}}) {
            if (derived[1] == null) {
                continue;
            }
            String id = "bundle:" + derived[0] + "." + docId;
            g.entity.put(id, attrs("prov:type", qname(derived[2]), "provkit:bagPath", derived[1]));
            g.relation("wasGeneratedBy", attrs("prov:entity", id, "prov:activity", bundling));
            g.relation("wasDerivedFrom", attrs("prov:generatedEntity", id, "prov:usedEntity", original, "prov:activity", bundling));
        }
        if (p == null) {
            return;
        }
        String document = "bundle:document." + docId;
        Map<String, Object> doc = new TreeMap<>();
        doc.put("prov:type", qname("provkit:PublishedDocument"));
        putIf(doc, "prov:label", p.title());
        String canonical = p.canonicalUrl() != null ? p.canonicalUrl() : member == null ? null : member.capturedUrl();
        if (canonical != null) {
            doc.put("prov:location", typed(canonical, "xsd:anyURI"));
        }
        g.entity.put(document, doc);
        g.relation("wasDerivedFrom", attrs("prov:generatedEntity", original, "prov:usedEntity", document,
                "prov:type", qname("provkit:Capture")));

        List<Hop> chain = p.attribution() == null ? List.of() : p.attribution().chain();
        boolean published = !chain.isEmpty() && Hop.PUBLISHER.equals(chain.get(chain.size() - 1).role());
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Hop hop = chain.get(i);
            String agent = g.party(hop.party(), hop.registered());
            String version;
            if (published && i == chain.size() - 1) {
                version = document;
            } else {
                version = "bundle:version." + docId + "." + i;
                g.entity.put(version, attrs("prov:type", qname("provkit:UpstreamVersion"),
                        "prov:label", "text as published by " + hop.party(), "provkit:role", hop.role()));
            }
            versions.add(version);
            Map<String, Object> attribution = attrs("prov:entity", version, "prov:agent", agent, "provkit:role", hop.role());
            attribution.put("provkit:evidence", describe(hop.evidence()));
            g.relation("wasAttributedTo", attribution);
        }
        if (!published && !versions.isEmpty()) {
            versions.add(document); // the publisher of this copy is unknown: the document still derives from the chain
        }
        for (int i = 1; i < versions.size(); i++) {
            boolean primary = i == 1 && versions.size() == 2;
            Map<String, Object> r = attrs("prov:generatedEntity", versions.get(i), "prov:usedEntity", versions.get(i - 1));
            if (primary) {
                r.put("prov:type", qname("prov:PrimarySource"));
            }
            g.relation("wasDerivedFrom", r);
        }
        if (versions.size() > 2) {
            g.relation("wasDerivedFrom", attrs("prov:generatedEntity", document, "prov:usedEntity", versions.get(0),
                    "prov:type", qname("prov:PrimarySource")));
        }

        int n = 0;
        for (MissingAsset a : p.missingAssets()) {
            String id = "bundle:missing." + docId + "." + (++n);
            Map<String, Object> m = new TreeMap<>();
            m.put("prov:type", qname("provkit:MissingAsset"));
            putIf(m, "provkit:kind", a.kind());
            putIf(m, "provkit:marker", a.marker());
            if (a.line() != null) {
                m.put("provkit:line", a.line());
            }
            putIf(m, "provkit:credit", a.credit());
            putIf(m, "provkit:source", a.source());
            putIf(m, "provkit:target", a.target());
            putIf(m, "provkit:location", a.location());
            g.entity.put(id, m);
            g.relation("wasInfluencedBy", attrs("prov:influencee", document, "prov:influencer", id,
                    "provkit:relation", "lost asset"));
            if (a.credit() != null) {
                boolean registered = p.credits().stream().anyMatch(c -> c.party().equals(a.credit()) && c.registered());
                g.relation("wasAttributedTo", attrs("prov:entity", id, "prov:agent", g.party(a.credit(), registered),
                        "provkit:role", "credit"));
            }
        }
    }

    /**
     * A member of a container: the container {@code hadMember} it; a web capture was generated by its container's
     * crawl (one activity per container, spanning its capture times) at its capture time, the crawl associated
     * with the crawler software, acting for its operator.
     */
    private static void membership(Graph g, Membership member, String original) {
        String container = g.collections.get(member.containerPath());
        if (container != null) {
            g.relation("hadMember", attrs("prov:collection", container, "prov:entity", original));
        }
        if (member.capturedAt() == null && member.capturedUrl() == null) {
            return;
        }
        String crawl = g.crawls.get(member.containerPath());
        if (crawl == null) {
            crawl = "bundle:crawl." + uniqueId(localName(member.containerPath()), g.crawlIds);
            g.crawls.put(member.containerPath(), crawl);
            g.activity.put(crawl, attrs("prov:type", qname("provkit:Crawl"), "prov:label", "crawl captured in " + member.containerPath()));
            if (container != null) {
                g.relation("wasGeneratedBy", attrs("prov:entity", container, "prov:activity", crawl));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> activity = (Map<String, Object>) g.activity.get(crawl);
        Map<String, Object> generation = attrs("prov:entity", original, "prov:activity", crawl);
        if (member.capturedAt() != null) {
            String at = time(member.capturedAt());
            generation.put("prov:time", at);
            activity.merge("prov:startTime", at, (a, b) -> ((String) a).compareTo((String) b) <= 0 ? a : b);
            activity.merge("prov:endTime", at, (a, b) -> ((String) a).compareTo((String) b) >= 0 ? a : b);
        }
        g.relation("wasGeneratedBy", generation);
        if (member.crawler() != null || member.operator() != null) {
            String crawler = g.crawler(member.crawler(), member.operator());
            if (g.associations.add(crawl + " " + crawler)) {
                g.relation("wasAssociatedWith", attrs("prov:activity", crawl, "prov:agent", crawler));
            }
        }
    }

    private static String describe(List<Evidence> evidence) {
        List<String> parts = new ArrayList<>();
        for (Evidence e : evidence) {
            String where = e.field() != null ? e.field() : "";
            if (e.line() != null) {
                where = (where.isEmpty() ? "" : where + ", ") + (Evidence.IN_MARKUP.equals(e.in()) ? "markup line " : "line ") + e.line();
            }
            parts.add(where + ": " + e.text());
        }
        return String.join(" | ", parts);
    }

    /** A PROV local name from a path: letters, digits, '.', '-' and '_' only. */
    static String localName(String s) {
        String n = Rx.of("\\p{M}+").matcher(Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD)).replaceAll("");
        n = Rx.of("^[._-]+").matcher(Rx.of("[^A-Za-z0-9._-]+").matcher(n).replaceAll("_")).replaceAll("");
        return n.isEmpty() ? "x" : n;
    }

    private static String uniqueId(String base, Set<String> used) {
        String id = base;
        for (int i = 2; !used.add(id.toLowerCase(Locale.ROOT)); i++) {
            id = base + "_" + i;
        }
        return id;
    }

    private static String uniqueId(String base, org.provkit.StringTable used) {
        String id = base;
        for (int i = 2; !used.add(id.toLowerCase(Locale.ROOT)); i++) {
            id = base + "_" + i;
        }
        return id;
    }

    private static Map<String, Object> qname(String q) {
        return typed(q, "prov:QUALIFIED_NAME");
    }

    private static Map<String, Object> typed(String value, String type) {
        Map<String, Object> m = new TreeMap<>();
        m.put("$", value);
        m.put("type", type);
        return m;
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void putIf(Map<String, Object> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    private static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Attributes that name another record (or a time): written as plain strings. */
    private static final Set<String> PLAIN_KEYS = Set.of("prov:entity", "prov:agent", "prov:activity", "prov:collection",
            "prov:generatedEntity", "prov:usedEntity", "prov:delegate", "prov:responsible", "prov:influencee",
            "prov:influencer", "prov:generation", "prov:usage", "prov:startTime", "prov:endTime", "prov:time");

    /**
     * Every other attribute value as a one-element array of (typed) values: PROV-JSON allows both forms, and
     * ProvToolbox 2.2.1 silently drops single values that are not in an array (labels, relation attributes).
     */
    private static Map<String, Object> wrapAll(Map<String, ? extends Object> records) {
        Map<String, Object> out = new TreeMap<>();
        records.forEach((id, rec) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) rec;
            Map<String, Object> wrapped = new TreeMap<>();
            attributes.forEach((k, v) -> wrapped.put(k, PLAIN_KEYS.contains(k) ? v
                    : v instanceof List<?> values ? values.stream().map(ProvJsonWriter::wrap).toList() : List.of(wrap(v))));
            out.put(id, wrapped);
        });
        return out;
    }

    private static Object wrap(Object v) {
        if (v instanceof Integer i) {
            return typed(Integer.toString(i), "xsd:int");
        }
        return v;
    }

    /**
     * The graph's entity and relation sections on disk, one temporary file each, as a sequence of
     * {@code {"id": …, "v": {…}}} objects in the order they were added.
     */
    private static final class Sections implements AutoCloseable {
        private final Path folder;
        private final Map<String, Part> parts = new TreeMap<>();

        Sections(Path folder) {
            this.folder = folder;
        }

        /** Moves the entities and relations gathered so far out of the graph. */
        void drain(Graph g) throws IOException {
            if (!g.entity.isEmpty()) {
                part("entity").add(wrapAll(g.entity));
                g.entity.clear();
            }
            for (Map.Entry<String, Map<String, Object>> kind : g.relations.entrySet()) {
                if (!kind.getValue().isEmpty()) {
                    part(kind.getKey()).add(wrapAll(kind.getValue()));
                    kind.getValue().clear();
                }
            }
        }

        private Part part(String section) throws IOException {
            Part part = parts.get(section);
            if (part == null) {
                part = new Part(folder.resolve("prov-" + parts.size() + ".json"));
                parts.put(section, part);
            }
            return part;
        }

        /** The whole PROV-JSON document: "prefix" first, then entities, agents, activities, relations. */
        void writeGraph(Graph g, OutputStream out, DefaultPrettyPrinter printer) throws IOException {
            for (Part part : parts.values()) {
                part.finish();
            }
            JsonGenerator gen = Json.mapper().getFactory().createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.setPrettyPrinter(printer);
            gen.writeStartObject();
            gen.writeFieldName("prefix");
            VALUES.writeValue(gen, g.prefix);
            copy("entity", gen);
            if (!g.agent.isEmpty()) {
                gen.writeFieldName("agent");
                VALUES.writeValue(gen, wrapAll(g.agent));
            }
            if (!g.activity.isEmpty()) {
                gen.writeFieldName("activity");
                VALUES.writeValue(gen, wrapAll(g.activity));
            }
            for (String section : parts.keySet()) {
                if (!section.equals("entity")) {
                    copy(section, gen);
                }
            }
            gen.writeEndObject();
            gen.flush();
        }

        private void copy(String section, JsonGenerator gen) throws IOException {
            Part part = parts.get(section);
            if (part == null) {
                return;
            }
            gen.writeFieldName(section);
            gen.writeStartObject();
            try (JsonParser parser = Json.mapper().getFactory().createParser(part.file.toFile())) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    parser.nextToken(); // "id"
                    parser.nextToken();
                    gen.writeFieldName(parser.getText());
                    parser.nextToken(); // "v"
                    parser.nextToken();
                    gen.copyCurrentStructure(parser);
                    parser.nextToken(); // the wrapper's end
                }
            }
            gen.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            for (Part part : parts.values()) {
                part.finish();
                Files.deleteIfExists(part.file);
            }
        }

        /** One section's file, written compactly. */
        private static final class Part {
            final Path file;
            private final JsonGenerator out;
            private boolean finished;

            Part(Path file) throws IOException {
                this.file = file;
                this.out = Json.mapper().getFactory().createGenerator(
                        new java.io.BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16));
                out.setPrettyPrinter(new com.fasterxml.jackson.core.util.MinimalPrettyPrinter());
            }

            void add(Map<String, Object> records) throws IOException {
                for (Map.Entry<String, Object> record : records.entrySet()) {
                    out.writeStartObject();
                    out.writeStringField("id", record.getKey());
                    out.writeFieldName("v");
                    VALUES.writeValue(out, record.getValue());
                    out.writeEndObject();
                }
            }

            void finish() throws IOException {
                if (!finished) {
                    finished = true;
                    out.close();
                }
            }
        }
    }

    /** The graph under construction: sorted sections, relations numbered as they are added. */
    private static final class Graph {
        final Map<String, Object> prefix = new TreeMap<>();
        final Map<String, Object> entity = new TreeMap<>();
        final Map<String, Object> agent = new TreeMap<>();
        final Map<String, Object> activity = new TreeMap<>();
        final Map<String, Map<String, Object>> relations = new TreeMap<>();
        final Map<String, String> parties = new LinkedHashMap<>();
        final Set<String> partyIds = new HashSet<>();
        /** Containers' original entities by source path; their crawls; crawler agents by software and operator. */
        final Map<String, String> collections = new java.util.HashMap<>();
        final Map<String, String> crawls = new java.util.HashMap<>();
        final Set<String> crawlIds = new HashSet<>();
        final Map<String, String> crawlers = new java.util.HashMap<>();
        final Set<String> associations = new HashSet<>();
        int counter;

        /** The agent of a crawler, acting on behalf of its operator; created on first use. */
        String crawler(String software, String operator) {
            String key = software + "\u0000" + operator;
            String id = crawlers.get(key);
            if (id == null) {
                id = "bundle:crawler." + (crawlers.size() + 1);
                crawlers.put(key, id);
                agent.put(id, attrs("prov:type", qname("prov:SoftwareAgent"), "prov:label", software == null ? "crawler" : software));
                if (operator != null) {
                    String operatorId = "bundle:operator." + crawlers.size();
                    agent.put(operatorId, attrs("prov:type", qname("prov:Agent"), "prov:label", operator));
                    relation("actedOnBehalfOf", attrs("prov:delegate", id, "prov:responsible", operatorId));
                }
            }
            return id;
        }

        void relation(String kind, Map<String, Object> attributes) {
            relations.computeIfAbsent(kind, k -> new TreeMap<>()).put(String.format("_:r%05d", ++counter), attributes);
        }

        /** The agent of a party, created on first use; the same name is always the same agent. */
        String party(String name, boolean registered) {
            String key = PartyRegistry.fold(name).strip();
            String id = parties.get(key);
            if (id == null) {
                id = "party:" + uniqueId(localName(name.toLowerCase(Locale.ROOT).replace(' ', '-')), partyIds);
                parties.put(key, id);
                Map<String, Object> a = attrs("prov:type", qname("prov:Organization"), "prov:label", name);
                a.put("provkit:registered", typed(Boolean.toString(registered), "xsd:boolean"));
                agent.put(id, a);
            }
            return id;
        }

        ObjectNode toJson() {
            // "prefix" first: ProvToolbox resolves names while it reads, so it must see the prefixes before them.
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("prefix", prefix);
            if (!entity.isEmpty()) {
                root.put("entity", wrapAll(entity));
            }
            if (!agent.isEmpty()) {
                root.put("agent", wrapAll(agent));
            }
            if (!activity.isEmpty()) {
                root.put("activity", wrapAll(activity));
            }
            relations.forEach((kind, records) -> root.put(kind, wrapAll(records)));
            return JsonNodeFactory.instance.objectNode().setAll((ObjectNode) Json.mapper().valueToTree(root));
        }
    }
}
