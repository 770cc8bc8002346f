package org.provkit.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects of a page's JSON-LD blocks: every object with a {@code @type}, found through arrays,
 * {@code @graph} and nesting, with {@code @id} references resolved ({@code "publisher": {"@id": "#org"}}).
 */
public final class JsonLd {

    private static final Pattern ARTICLE_TYPES = Pattern.compile(
            "(?i)(?:\\w*NewsArticle|Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle)");
    private static final Pattern PAGE_TYPES = Pattern.compile("(?i)(?:WebPage|ItemPage|CreativeWork|VideoObject)");
    private static final Set<String> PERSON_TYPES = Set.of("person");
    private static final Pattern ORGANIZATION_TYPES = Pattern.compile(
            "(?i)\\w*Organi[sz]ation|Corporation|NewsMediaOrganization|WebSite|Brand|LocalBusiness|GovernmentOrganization|NGO");

    /** A typed object and the line of the script holding it. */
    public record Node(JsonNode json, Integer line) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, JsonNode> byId = new HashMap<>();

    private JsonLd() {
    }

    public static JsonLd of(Document doc) {
        JsonLd ld = new JsonLd();
        for (Element script : doc.select(Css.of("script[type]"))) {
            if (!script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                continue;
            }
            JsonNode root = LenientJson.parse(script.data());
            if (root != null) {
                ld.collect(root, HtmlPage.line(script), 0);
            }
        }
        return ld;
    }

    private void collect(JsonNode node, Integer line, int depth) {
        if (node == null || depth > 12) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, line, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String id = node.path("@id").asText("");
        if (!id.isEmpty() && node.size() > 1 && !byId.containsKey(id)) {
            byId.put(id, node);
        }
        if (node.has("@type")) {
            nodes.add(new Node(node, line));
        }
        for (var it = node.fields(); it.hasNext();) {
            var f = it.next();
            if (f.getValue().isContainerNode()) {
                collect(f.getValue(), line, depth + 1);
            }
        }
    }

    /** The article objects (NewsArticle, Article, BlogPosting, ...); when there are none, the web page objects. */
    public List<Node> articles() {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (hasType(n.json(), ARTICLE_TYPES)) {
                out.add(n);
            }
        }
        if (out.isEmpty()) {
            for (Node n : nodes) {
                if (hasType(n.json(), PAGE_TYPES)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Every typed object whose type matches. */
    public List<Node> ofType(Pattern types) {
        return nodes.stream().filter(n -> hasType(n.json(), types)).toList();
    }

    public static Pattern organizationTypes() {
        return ORGANIZATION_TYPES;
    }

    /** The value of a field, a reference replaced by the object it names. */
    public JsonNode resolve(JsonNode v) {
        if (v != null && v.isObject() && v.has("@id") && !v.has("name")) {
            JsonNode target = byId.get(v.path("@id").asText(""));
            if (target != null) {
                return target;
            }
        }
        return v;
    }

    /**
     * The names a field of an object gives: strings as they are, objects by their {@code name} (a Person's
     * affiliation too, as an organisation), references resolved.
     */
    public List<MetaValue> names(Node node, String field) {
        List<MetaValue> out = new ArrayList<>();
        names(node.json().get(field), "json-ld " + field, node.line(), out, 0);
        return out;
    }

    private void names(JsonNode v, String field, Integer line, List<MetaValue> out, int depth) {
        if (v == null || v.isNull() || depth > 4) {
            return;
        }
        if (v.isArray()) {
            v.forEach(x -> names(x, field, line, out, depth + 1));
            return;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (!s.isEmpty()) {
                out.add(new MetaValue(s, field, line, MetaValue.Kind.UNKNOWN));
            }
            return;
        }
        JsonNode o = resolve(v);
        if (o == null || !o.isObject()) {
            return;
        }
        String name = text(o.get("name"));
        if (name == null) {
            name = text(o.get("legalName"));
        }
        MetaValue.Kind kind = hasType(o, ORGANIZATION_TYPES) ? MetaValue.Kind.ORGANIZATION
                : typeNames(o).stream().anyMatch(t -> PERSON_TYPES.contains(t.toLowerCase(Locale.ROOT))) ? MetaValue.Kind.PERSON
                : MetaValue.Kind.UNKNOWN;
        if (name != null) {
            out.add(new MetaValue(name, field, line, kind));
        }
        if (kind == MetaValue.Kind.PERSON) {
            List<MetaValue> affiliations = new ArrayList<>();
            names(o.get("affiliation"), field + " affiliation", line, affiliations, depth + 1);
            names(o.get("worksFor"), field + " worksFor", line, affiliations, depth + 1);
            for (MetaValue a : affiliations) {
                out.add(new MetaValue(a.value(), a.field(), a.line(),
                        a.kind() == MetaValue.Kind.PERSON ? MetaValue.Kind.PERSON : MetaValue.Kind.ORGANIZATION));
            }
        }
    }

    /** A string value (the first of an array), trimmed, or null. */
    public static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            return v.isEmpty() ? null : text(v.get(0));
        }
        if (v.isObject()) {
            return text(v.get("@value"));
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static boolean hasType(JsonNode node, Pattern types) {
        for (String t : typeNames(node)) {
            String local = t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1);
            if (types.matcher(local).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> typeNames(JsonNode node) {
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        return types;
    }
}
