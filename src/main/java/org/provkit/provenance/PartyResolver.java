package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a value written in a source line, dateline or metadata field into parties. */
final class PartyResolver {

    private static final Pattern SPLIT = Pattern.compile("\\s*(?:/|,|;|\\+|&|\\s(?:y|e|et|and|und)\\s)\\s*");
    private static final Pattern LEADING_ARTICLE = Pattern.compile(
            "(?i)^(?:(?:l['’]|la\\s+|le\\s+|el\\s+|the\\s+|a\\s+|o\\s+|les\\s+|las\\s+|os\\s+|as\\s+|los\\s+)?"
                    + "(?:agence|agencia|agência|agency|news agency|agence de presse|agencia de noticias|agência de notícias|"
                    + "agencia informativa|site|sitio|sitio web|portal|journal|diario|periódico|jornal|newspaper|"
                    + "radio|emisora|chaîne|cadena|site web|website)\\s+(?:de\\s+presse\\s+|de\\s+noticias\\s+|de\\s+notícias\\s+)?"
                    + "|l['’]|la\\s+|el\\s+|the\\s+|le\\s+)");
    private static final Pattern NAME_LIKE = Pattern.compile("[\\p{Lu}\\p{N}][\\p{L}\\p{N}'’.&\\-]*(?:\\s+[\\p{L}\\p{N}'’.&\\-]+){0,5}");

    /** "3 de março de 2026", "March 3, 2026", "le 3 mars": a date, not a name. */
    private static final Pattern DATE_LIKE = Pattern.compile("(?i)^\\d|\\b\\d{4}\\b|\\b\\d{1,2}\\s+(?:de\\s+)?\\p{L}{3,}\\b.*\\d|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}");

    private final PartyRegistry registry;

    PartyResolver(PartyRegistry registry) {
        this.registry = registry;
    }

    PartyRegistry registry() {
        return registry;
    }

    /**
     * Every registered party in {@code value} (codes allowed: the caller is an explicit context), or an empty
     * list. A value like "EFE/AFP" or "Prensa Latina y ACN" gives several.
     */
    List<Party> registered(String value) {
        String v = clean(value);
        if (v.isEmpty()) {
            return List.of();
        }
        Optional<Party> whole = lookup(v);
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        List<Party> out = new ArrayList<>();
        String[] parts = SPLIT.split(v);
        if (parts.length > 1) {
            for (String p : parts) {
                Optional<Party> one = lookup(clean(p));
                if (one.isEmpty()) {
                    out.clear();
                    break;
                }
                if (!out.contains(one.get())) {
                    out.add(one.get());
                }
            }
        }
        if (out.isEmpty()) {
            // A longer value naming a party in full, e.g. "Agencia Cubana de Noticias (ACN), La Habana".
            for (PartyRegistry.NameMatch m : registry.findNames(v)) {
                if (!out.contains(m.party())) {
                    out.add(m.party());
                }
            }
        }
        return out;
    }

    /** A registered party and the form the page writes it in. */
    record Written(Party party, String written) {
    }

    /**
     * The registered parties of a group of agency codes as a wire service writes them ({@code dpa/lno},
     * {@code KNA, DR}, {@code ats/nxp}): codes in any case; the other parts must be short (a regional service,
     * an editor's initials) or the group is no code group. Empty when no part is registered.
     */
    List<Written> codeGroup(String inner) {
        String v = clean(inner);
        if (v.isEmpty() || v.length() > 60) {
            return List.of();
        }
        List<Written> out = new ArrayList<>();
        for (String part : Rx.of("\\s*[/,;]\\s*|\\s+-\\s+").split(v)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Optional<Party> one = lookup(p).or(() -> registry.byCodeIgnoringCase(p));
            if (one.isPresent()) {
                if (out.stream().noneMatch(w -> w.party() == one.get())) {
                    out.add(new Written(one.get(), p));
                }
            } else if (p.length() > 5 || !p.codePoints().allMatch(Character::isLetter)) {
                return List.of();
            }
        }
        return out;
    }

    /**
     * The parties a whole value names and nothing else: one name or code ({@code Agencia Efe}), or a group of
     * them ({@code EFE/AFP}, {@code KNA, DR} with desk initials); empty when any longer part names no party.
     */
    List<Written> whole(String value) {
        String v = clean(value);
        if (v.isEmpty() || v.length() > 80) {
            return List.of();
        }
        Optional<Party> one = lookup(v);
        if (one.isPresent()) {
            return List.of(new Written(one.get(), v));
        }
        List<Written> out = new ArrayList<>();
        String[] parts = SPLIT.split(v);
        if (parts.length < 2) {
            return List.of();
        }
        for (String part : parts) {
            String p = clean(part);
            if (p.isEmpty()) {
                continue;
            }
            Optional<Party> found = lookup(p);
            if (found.isPresent()) {
                if (out.stream().noneMatch(w -> w.party() == found.get())) {
                    out.add(new Written(found.get(), p));
                }
            } else if (p.length() > 5 || !p.codePoints().allMatch(Character::isLetter)) {
                return List.of();
            }
        }
        return out;
    }

    private Optional<Party> lookup(String v) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<Party> p = registry.byNameOrCode(v);
        if (p.isEmpty()) {
            String noArticle = LEADING_ARTICLE.matcher(v).replaceFirst("").strip();
            if (!noArticle.equals(v)) {
                p = registry.byNameOrCode(noArticle);
            }
        }
        if (p.isEmpty()) {
            // "Prensa Latina (PL)": the name with its code.
            var m = Rx.of("^(.+?)\\s*\\(([^()]+)\\)$").matcher(v);
            if (m.matches()) {
                Optional<Party> a = registry.byNameOrCode(m.group(1).strip());
                Optional<Party> b = registry.byNameOrCode(m.group(2).strip());
                if (a.isPresent() && (b.isEmpty() || b.equals(a))) {
                    p = a;
                }
            }
        }
        if (p.isEmpty() && Urls.host(v) != null && Rx.of("(?i)(?:https?://|www\\.)\\S+").matcher(v).matches()) {
            p = registry.byHost(Urls.host(v));
        }
        return p;
    }

    /** The value as a name when it looks like one (short, starting with a capital or digit), else null. */
    static String asName(String value) {
        String v = clean(value);
        if (!v.isEmpty() && Character.isLowerCase(v.codePointAt(0))) {
            v = LEADING_ARTICLE.matcher(v).replaceFirst("").strip(); // "el diario X" → "X"; "Diario X" is a name
        }
        if (v.length() < 2 || v.length() > 60 || !NAME_LIKE.matcher(v).matches() || DATE_LIKE.matcher(v).find()) {
            return null;
        }
        return v;
    }

    /** Emphasis, wrapping quotes and brackets, trailing punctuation and any trailing URL removed. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String v = Markdown.stripInline(value.strip());
        v = Rx.of("\\s*[(<\\[]?(?:https?://|www\\.)\\S+[)>\\]]?\\s*$").matcher(v).replaceAll(Rx.of("(?i)^(?:https?://|www\\.)\\S+$").matcher(v).matches() ? "$0" : "");
        v = Rx.of("^[\\s\"“«'‘*_]+|[\\s\"”»'’*_.;,:]+$").matcher(v).replaceAll("");
        return v.strip();
    }
}
