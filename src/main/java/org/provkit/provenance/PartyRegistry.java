package org.provkit.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.ProvkitException;

/**
 * The known news agencies and publishers: the bundled {@code agencies.json}, optionally merged with a user file
 * (same name: aliases, codes and domains are added; new names are appended).
 *
 * <p>Names and aliases match case- and accent-insensitively; codes ({@code PL}, {@code AP}) match exactly, and
 * callers use them only where a code is explicit (dateline parentheses, source lines, credits), never as a
 * word of running text.
 */
public final class PartyRegistry {

    static final String RESOURCE = "agencies.json";
    /** Aliases this short are treated as codes: "AP" must not match "ap" in running text. */
    private static final int MIN_ALIAS_LENGTH = 4;

    private final List<Party> parties;
    private final Map<String, Party> byFoldedName = new LinkedHashMap<>();
    private final Map<String, Party> byCode = new LinkedHashMap<>();
    private final Map<String, Party> byDomain = new LinkedHashMap<>();
    /** Codes of three letters or more, lower-cased; null where two parties share one. */
    private final Map<String, Party> byCodeIgnoringCase = new java.util.HashMap<>();
    /** Folded names and aliases by their first word: matching walks word starts, not a 150-way regex. */
    private final Map<String, List<String>> namesByFirstWord = new java.util.HashMap<>();
    /** The low bits of the hash of every first word: a word of running text whose bit is clear starts no name. */
    private final java.util.BitSet firstWordHashes = new java.util.BitSet(1 << 16);

    private PartyRegistry(List<Party> parties) {
        this.parties = List.copyOf(parties);
        for (Party p : this.parties) {
            for (String name : names(p)) {
                if (name.length() < MIN_ALIAS_LENGTH || acronym(name)) {
                    byCode.putIfAbsent(name, p);
                } else {
                    byFoldedName.putIfAbsent(fold(name), p);
                }
            }
            p.codes().forEach(c -> byCode.putIfAbsent(c, p));
            for (String c : byCode.keySet()) {
                if (byCode.get(c) == p && c.length() >= 3) {
                    String lower = c.toLowerCase(Locale.ROOT);
                    Party other = byCodeIgnoringCase.get(lower);
                    byCodeIgnoringCase.put(lower, other == null || other == p ? p : null);
                }
            }
            p.domains().forEach(d -> byDomain.putIfAbsent(d.toLowerCase(Locale.ROOT), p));
        }
        for (String folded : byFoldedName.keySet()) {
            String first = firstWord(folded, 0);
            if (!first.isEmpty()) {
                namesByFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(folded);
            }
        }
        Map<String, Party> cjk = new LinkedHashMap<>();
        for (Party p : this.parties) {
            List<String> all = new ArrayList<>(names(p));
            all.addAll(p.codes());
            all.stream().filter(name -> name.codePoints().anyMatch(PartyRegistry::isCjk)).forEach(name -> cjk.putIfAbsent(name, p));
        }
        List<Map.Entry<String, Party>> longestFirst = new ArrayList<>(cjk.entrySet());
        longestFirst.sort((a, b) -> b.getKey().length() - a.getKey().length());
        this.cjkNames = List.copyOf(longestFirst);
        // Longest first, so "Agencia Prensa Latina" wins over "Prensa Latina".
        namesByFirstWord.values().forEach(list -> list.sort((a, b) -> b.length() - a.length()));
        namesByFirstWord.keySet().forEach(word -> firstWordHashes.set(word.hashCode() & 0xffff));
    }

    /**
     * A name written in capitals only ("ISNA", "ANSA", "UNIAN") is an acronym: matched exactly, like a code, so that
     * the first name "Isna" or the word "Ansa" names no agency.
     */
    private static boolean acronym(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            } else if (c != '-' && c != '&' && !Character.isDigit(c)) {
                return false;
            }
        }
        return letter;
    }

    /**
     * Names, aliases and codes written in Chinese, Japanese or Korean characters, longest first, with
     * their party: text in those scripts has no spaces, so {@link #findNames} (whole words) cannot see
     * them inside a sentence; {@link #findCjkNames} looks for them as they are.
     */
    private final List<Map.Entry<String, Party>> cjkNames;

    /** Every occurrence of a name written in CJK characters in {@code text}, longest names first at a place. */
    public List<NameMatch> findCjkNames(String text) {
        List<NameMatch> out = new ArrayList<>();
        java.util.BitSet taken = new java.util.BitSet(text.length());
        for (Map.Entry<String, Party> name : cjkNames) {
            int at = text.indexOf(name.getKey());
            while (at >= 0) {
                int end = at + name.getKey().length();
                if (taken.get(at, end).isEmpty()) {
                    taken.set(at, end);
                    out.add(new NameMatch(name.getValue(), at, end));
                }
                at = text.indexOf(name.getKey(), end);
            }
        }
        out.sort(java.util.Comparator.comparingInt(NameMatch::start));
        return out;
    }

    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Every registered name and alias (not codes), folded: what {@link #findNames} looks for. */
    java.util.Set<String> foldedNames() {
        return java.util.Collections.unmodifiableSet(byFoldedName.keySet());
    }

    private static String firstWord(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
            end++;
        }
        return s.substring(from, end);
    }

    private static List<String> names(Party p) {
        List<String> names = new ArrayList<>();
        names.add(p.name());
        names.addAll(p.aliases());
        return names;
    }

    public static PartyRegistry builtIn() {
        try (InputStream in = PartyRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new PartyRegistry(parse(Json.mapper().readTree(in), RESOURCE));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + RESOURCE, e);
        }
    }

    /** The built-in registry merged with a user file of the same shape. */
    public static PartyRegistry withUserFile(Path file) {
        List<Party> user;
        try {
            user = parse(Json.mapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, "cannot read party registry " + file + ": " + e.getMessage());
        }
        Map<String, Party> merged = new LinkedHashMap<>();
        // User entries first: their aliases win where two parties claim the same one.
        for (Party p : user) {
            merged.merge(fold(p.name()), p, PartyRegistry::union);
        }
        for (Party p : builtIn().parties) {
            merged.merge(fold(p.name()), p, PartyRegistry::union);
        }
        return new PartyRegistry(new ArrayList<>(merged.values()));
    }

    public static PartyRegistry of(List<Party> parties) {
        return new PartyRegistry(parties);
    }

    private static Party union(Party a, Party b) {
        return new Party(a.name(), a.type() != null ? a.type() : b.type(), a.country() != null ? a.country() : b.country(),
                unionList(a.aliases(), b.aliases()), unionList(a.codes(), b.codes()), unionList(a.domains(), b.domains()));
    }

    private static List<String> unionList(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    private static List<Party> parse(JsonNode root, String where) {
        JsonNode list = root.isArray() ? root : root.path("parties");
        if (!list.isArray()) {
            throw new ProvkitException(ExitCode.UNREADABLE, "party registry " + where + ": expected {\"parties\": [...]}");
        }
        List<Party> out = new ArrayList<>();
        for (JsonNode n : list) {
            String name = n.path("name").asText("").strip();
            if (name.isEmpty()) {
                throw new ProvkitException(ExitCode.UNREADABLE, "party registry " + where + ": an entry has no \"name\"");
            }
            out.add(new Party(name, textOrNull(n.get("type")), textOrNull(n.get("country")), strings(n.get("aliases")),
                    strings(n.get("codes")), strings(n.get("domains")).stream().map(d -> d.toLowerCase(Locale.ROOT)).toList()));
        }
        return out;
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> {
                String s = v.asText("").strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            });
        }
        return out;
    }

    public List<Party> parties() {
        return parties;
    }

    /** A party whose name or alias is exactly {@code value} (case/accent-insensitive), or whose code it is (exact). */
    public Optional<Party> byNameOrCode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        Party p = byCode.get(v);
        if (p != null) {
            return Optional.of(p);
        }
        return Optional.ofNullable(byFoldedName.get(fold(v)));
    }

    /**
     * A party whose code is {@code value} in any case ({@code ats} for ATS), for places that hold nothing but
     * agency codes (a closing "(ats/nxp)", a dateline's parentheses); codes of three letters or more only.
     */
    public Optional<Party> byCodeIgnoringCase(String value) {
        if (value == null || value.strip().length() < 3) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCodeIgnoringCase.get(value.strip().toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code token} is exactly a registered code (or short name). */
    public boolean isCode(String token) {
        return byCode.containsKey(token);
    }

    /** The length of the longest code: a longer word of running text is no code, without looking it up. */
    public int maxCodeLength() {
        int max = maxCodeLength;
        if (max < 0) {
            max = byCode.keySet().stream().mapToInt(String::length).max().orElse(0);
            maxCodeLength = max;
        }
        return max;
    }

    private volatile int maxCodeLength = -1;

    /** A party by full name or alias only (no codes): for places where a code would be ambiguous. */
    public Optional<Party> byName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Party p = byFoldedName.get(fold(value.strip()));
        if (p == null) {
            // Short canonical names ("AFP", "EFE") are kept with the codes: exact spelling only.
            p = parties.stream().filter(x -> x.name().equals(value.strip())).findFirst().orElse(null);
        }
        return Optional.ofNullable(p);
    }

    /** The party publishing on {@code host} or a parent domain of it. */
    public Optional<Party> byHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        while (true) {
            Party p = byDomain.get(h);
            if (p != null) {
                return Optional.of(p);
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            h = h.substring(dot + 1);
        }
    }

    /** A registered name or alias (never a bare code) occurring as whole words in {@code text}. */
    public List<NameMatch> findNames(String text) {
        List<NameMatch> out = new ArrayList<>();
        String folded = fold(text);
        int i = 0;
        while (i < folded.length()) {
            if (!Character.isLetterOrDigit(folded.charAt(i)) || (i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1)))) {
                i++;
                continue;
            }
            // Most words start no name: their hash (String.hashCode's) rules them out without a substring.
            int wordEnd = i;
            int hash = 0;
            while (wordEnd < folded.length() && Character.isLetterOrDigit(folded.charAt(wordEnd))) {
                hash = 31 * hash + folded.charAt(wordEnd++);
            }
            int next = wordEnd;
            if (!firstWordHashes.get(hash & 0xffff)) {
                i = next;
                continue;
            }
            String word = folded.substring(i, wordEnd);
            for (String name : namesByFirstWord.getOrDefault(word, List.of())) {
                int end = i + name.length();
                if (folded.startsWith(name, i) && (end == folded.length() || !Character.isLetterOrDigit(folded.charAt(end)))) {
                    out.add(new NameMatch(byFoldedName.get(name), i, end));
                    next = end;
                    break;
                }
            }
            i = next;
        }
        return out;
    }

    /** One registered name found in a text: the party and where (offsets into the text). */
    public record NameMatch(Party party, int start, int end) {
    }

    /**
     * Lower case without accents, typographic apostrophes and dashes made plain. Keeps the length, so offsets
     * found in the folded text are offsets in the original (callers give NFC text).
     */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(foldChar(c));
        }
        return b.toString();
    }

    private static char foldChar(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02bc' -> {
                return '\'';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> {
                return '-';
            }
            case '\u00a0', '\u202f' -> {
                return ' ';
            }
            default -> {
            }
        }
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = d.charAt(0);
        return Character.toLowerCase(d.length() > 1 || base != c ? base : c);
    }
}
