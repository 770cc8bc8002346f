package org.provkit.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grading of the real-news sets ({@code realnews-dev/score.py}, in Java): language, chain, canonical URL and
 * lead-image credit, names compared after NFKD, removal of combining marks, case folding and a few aliases.
 */
final class RealNewsScore {

    private static final Map<String, String> ALIASES = aliases(Map.of(
            "Prensa Latina", List.of("PL", "Agencia Prensa Latina"),
            "Radio Habana Cuba", List.of("RHC", "Radio Havane Cuba", "Radio Havana Cuba"),
            "AFP", List.of("Agence France-Presse", "Agence France Presse"),
            "EFE", List.of("Agencia EFE"),
            "Reuters", List.of("Thomson Reuters"),
            "Agência Brasil", List.of("ABr", "Agencia Brasil"),
            "Xinhua", List.of("Xinhua News Agency", "Agence Xinhua"),
            "ACN", List.of("Agencia Cubana de Noticias")));

    private RealNewsScore() {
    }

    private static Map<String, String> aliases(Map<String, List<String>> table) {
        Map<String, String> out = new java.util.HashMap<>();
        table.forEach((canonical, names) -> {
            out.put(norm(canonical), norm(canonical));
            names.forEach(n -> out.put(norm(n), norm(canonical)));
        });
        return out;
    }

    static String norm(String s) {
        if (s == null) {
            return null;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        // casefold: lower case, and the sharp s as ss (Python's str.casefold)
        return d.toLowerCase(Locale.ROOT).replace("ß", "ss").strip();
    }

    static String party(String s) {
        String n = norm(s);
        return ALIASES.getOrDefault(n, n);
    }

    /** The misses of one document against its expected answer; empty when fully right. */
    static List<String> check(DocumentProvenance doc, JsonNode expected) {
        List<String> errors = new ArrayList<>();
        String lang = doc.language() == null ? "" : doc.language().substring(0, Math.min(2, doc.language().length())).toLowerCase(Locale.ROOT);
        if (expected.has("language") && !lang.equals(expected.get("language").asText())) {
            errors.add("language " + doc.language() + " != " + expected.get("language").asText());
        }
        List<String> chain = doc.attribution().chain().stream().map(h -> party(h.party())).toList();
        List<String> want = new ArrayList<>();
        expected.path("chain").forEach(p -> want.add(party(p.asText())));
        if (expected.has("chain") && !chain.equals(want)) {
            errors.add("chain " + chain + " != " + want);
        }
        List<String> canonical = doc.urls().stream().filter(u -> UrlRef.CANONICAL.equals(u.role())).map(UrlRef::url).toList();
        if (expected.has("url")) {
            JsonNode url = expected.get("url");
            if (url.isNull() && !canonical.isEmpty()) {
                errors.add("canonical " + canonical + " where none is given");
            } else if (!url.isNull() && !canonical.contains(url.asText())) {
                errors.add("canonical " + canonical + " lacks " + url.asText());
            }
        }
        List<String> credits = doc.credits().stream().filter(c -> c.asset() == null || c.asset().equals("image"))
                .map(c -> party(c.party())).toList();
        if (expected.has("imageCredit")) {
            JsonNode credit = expected.get("imageCredit");
            if (credit.isNull() && !credits.isEmpty()) {
                errors.add("image credits " + credits + " where none is given");
            } else if (!credit.isNull() && !credits.contains(party(credit.asText()))) {
                errors.add("image credits " + credits + " lack " + credit.asText());
            }
        }
        for (Hop h : doc.attribution().chain()) {
            if (h.evidence().isEmpty()) {
                errors.add("hop " + h.party() + " has no evidence");
            }
        }
        return errors;
    }
}
