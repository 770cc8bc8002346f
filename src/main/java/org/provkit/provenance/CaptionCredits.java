package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credit in a picture's caption or credit line, in the forms news pages print it: {@code Foto: X},
 * {@code Photograph: Name/Agency}, {@code (AP Photo/Name)}, {@code Name / Agency}, {@code Agency/NAME},
 * {@code caption (AFP)}, {@code caption - Belga}, {@code …＝ロイター}, {@code 사진=세종시 제공},
 * {@code 新华社记者 才扬 摄}, {@code © Name (KNA)}, {@code Name Archives Le Devoir}, {@code X nuotr.}; and from a
 * credit naming several parties, the one that took the picture ({@code ELVIS GONZALEZ/PAP/EPA} → EPA).
 */
final class CaptionCredits {

    /** One credit: who as the page writes it (the chosen party) and the span it stands in. */
    record Found(String who, String span) {
    }

    private static final Pattern AGENCY_PHOTO = Pattern.compile(
            "[(（\\[]\\s*(?<agency>[\\p{L}.\\-]{2,20}(?:\\s[\\p{L}.\\-]{2,20})?)\\s+(?:Photos?|Fotos?|Foto/Archivo|Photo/File)(?:\\s*/\\s*[^)）\\]]*)?[)）\\]]");
    /** "(Photo Prakash Mathema. AFP)": a label without a colon, inside brackets. */
    private static final Pattern PHOTO_IN_PARENS = Pattern.compile(
            "(?iu)[(\\[](?:photos?|fotos?|fotó|bild|image|imagem|imagen|kuva)\\s+(?<who>\\p{Lu}[^)\\]]{1,60})[)\\]]");
    private static final Pattern TRAILING_PARENS = Pattern.compile("[(（\\[](?<who>[^()（）\\[\\]]{2,80})[)）\\]]\\s*[.。]?\\s*$");
    private static final Pattern TRAILING_SLASHED = Pattern.compile(
            "(?:^|[.!?»\"”)]\\s+|\\s{2,}|\\s[-–—|]\\s)(?<who>[^.!?/\\n]{2,60}(?:\\s*/\\s*\\p{L}[^/.!?\\n]{0,60}){1,3})\\s*\\.?\\s*$");
    private static final Pattern TRAILING_DASH = Pattern.compile("\\s[-–—|]\\s*(?<who>\\p{Lu}[\\p{L}.'\\- ]{1,40}?)\\s*\\.?$");
    private static final Pattern JAPANESE_EQUALS = Pattern.compile("[＝=](?<who>[^＝=\\s、。]{2,20})\\s*$");
    private static final Pattern KOREAN = Pattern.compile("(?:사진|자료)\\s*[=＝:]\\s*(?<who>[^,，/=]{2,30}?)\\s*(?:제공)?\\s*$");
    private static final Pattern PROVIDED_BY = Pattern.compile("(?iu)(?:provided\\s+by|courtesy\\s+of|cortes[íi]a\\s+de|proporcionad[oa]\\s+por|fornecid[oa]\\s+por)\\s+(?<who>[^.,;()]{2,50})");
    private static final Pattern CHINESE_PHOTOGRAPHER = Pattern.compile("(?<who>[\\p{IsHan}]{2,10}?)(?:记者|記者|特约记者|通讯员)\\s*[\\p{IsHan}\\s·]{1,10}\\s*[摄攝]\\s*$");
    private static final Pattern ARCHIVES_OF = Pattern.compile("(?iu)^(?<photographer>.*?)\\s*(?:archives?|archivo|arquivo|archiv)\\s+(?:de\\s+|du\\s+|of\\s+)?(?<org>\\p{Lu}.+)$");
    private static final Pattern PHOTO_SUFFIX = Pattern.compile("(?iu)^(?<who>.+?)\\s*(?:nuotr\\.?|nuotrauka|foto|photo|kuva|fotó)\\s*\\.?$");
    private static final Pattern DESCRIPTORS = Pattern.compile(
            "(?iu)^(?:ilustra[čc]n[íi]\\s+foto|foto\\s+de\\s+archivo|foto\\s+d['’]archivio|file\\s+photo|archive\\s+photo|archivbild|archivfoto|symbolbild"
                    + "|illustrative\\s+(?:photo|image)|photo\\s+d['’]illustration|image\\s+d['’]illustration|reprodu[çc][ãa]o|reproducci[óo]n|handout)\\s*[:/,]?\\s*");
    private static final Pattern PART_NOISE = Pattern.compile(
            "(?iu)^(?:archivbild|archivfoto|archiv|archive|archivo|arquivo|file|handout|reprodu[çc][ãa]o|reproducci[óo]n|symbolbild|nuotr\\.?|foto|photo|fotó"
                    + "|getty\\s+images\\s+(?:for|via)|via|dpa-?bildfunk|keystone-?sda|pool)$");

    private final PartyResolver resolver;
    private final String homeCountry;

    CaptionCredits(PartyResolver resolver, String homeCountry) {
        this.resolver = resolver;
        this.homeCountry = homeCountry;
    }

    /** Whether the text holds a credit label ("Foto:", "(Bild: …)", "Photo by"), whatever it names. */
    boolean hasCreditLabel(String text) {
        return LabelledFields.of(text).stream().anyMatch(f -> f.type() == LabelledFields.Type.PHOTO) || CreditRules.inLine(text).isPresent();
    }

    /** A credit in a caption or credit element: every form, labelled or not. */
    Optional<Found> inCaption(String caption) {
        String c = java.text.Normalizer.normalize(caption, java.text.Normalizer.Form.NFKC).strip();
        if (c.isEmpty() || c.length() > 500) {
            return Optional.empty();
        }
        Optional<Found> labelled = labelled(c);
        if (labelled.isPresent()) {
            return labelled;
        }
        for (LabelledFields.Field f : LabelledFields.of(c)) {
            if (f.type() == LabelledFields.Type.SOURCE) {
                Optional<Found> p = pick(f.value(), f.span(c)); // "Quelle: dpa" under a picture is its source
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        Matcher m = AGENCY_PHOTO.matcher(c);
        if (m.find()) {
            return pick(m.group("agency"), m.group());
        }
        m = PHOTO_IN_PARENS.matcher(c);
        if (m.find()) {
            Optional<Found> f = pick(m.group("who"), m.group());
            if (f.isPresent()) {
                return f;
            }
        }
        m = KOREAN.matcher(c);
        if (m.find()) {
            return pick(m.group("who"), m.group());
        }
        m = JAPANESE_EQUALS.matcher(c);
        if (m.find()) {
            return pick(m.group("who"), m.group());
        }
        m = CHINESE_PHOTOGRAPHER.matcher(c);
        if (m.find()) {
            return pick(m.group("who"), m.group());
        }
        m = PROVIDED_BY.matcher(c);
        if (m.find()) {
            return pick(m.group("who"), m.group());
        }
        var copyright = CreditRules.copyrightInCaption(c);
        if (copyright.isPresent()) {
            String who = copyright.get().who();
            Matcher paren = TRAILING_PARENS.matcher(who);
            if (paren.find() && !resolver.whole(paren.group("who")).isEmpty()) {
                return pick(paren.group("who"), c.substring(copyright.get().start()).strip());
            }
            return pick(who, c.substring(copyright.get().start()).strip());
        }
        m = TRAILING_PARENS.matcher(c);
        if (m.find()) {
            String who = m.group("who");
            if (!resolver.whole(who).isEmpty() || who.contains("/") || OrgNames.orgLike(who)) {
                return pick(who, m.group().strip());
            }
        }
        m = TRAILING_SLASHED.matcher(c);
        if (m.find()) {
            return pick(m.group("who"), m.group("who").strip());
        }
        m = TRAILING_DASH.matcher(c);
        if (m.find() && !resolver.whole(m.group("who")).isEmpty()) {
            return pick(m.group("who"), m.group().strip());
        }
        m = PHOTO_SUFFIX.matcher(c);
        if (m.matches() && c.length() <= 60) {
            return pick(m.group("who"), c);
        }
        return Optional.empty();
    }

    /** A credit element's whole text ("EFE", "PAP/ Rafał Guz", "Photo: ČTK/Vít Šimánek"). */
    Optional<Found> inCreditElement(String text) {
        String t = text.strip();
        Optional<Found> f = inCaption(t);
        if (f.isPresent() || t.length() > 40 || t.codePoints().anyMatch(Character::isDigit)) {
            return f;
        }
        return pick(t, t);
    }

    /** A labelled credit anywhere in the article ("Foto: X", "Beeld: X", "Źródło zdjęcia głównego: X"). */
    Optional<Found> labelled(String line) {
        Matcher photographer = CHINESE_PHOTOGRAPHER.matcher(line);
        if (photographer.find()) {
            return pick(photographer.group("who"), photographer.group());
        }
        for (LabelledFields.Field f : LabelledFields.of(line)) {
            if (f.type() == LabelledFields.Type.PHOTO) {
                Optional<Found> p = pick(f.value(), f.span(line));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        var c = CreditRules.inLine(line).filter(x -> !x.loose() || !resolver.registered(x.who()).isEmpty());
        if (c.isPresent() && c.get().asset().equals("image")) {
            String span = line.substring(c.get().start(), Math.min(line.length(), c.get().end())).strip();
            return pick(c.get().who(), span);
        }
        return Optional.empty();
    }

    /** The party a credit names: the organisation among photographer, distributor and agency. */
    Optional<Found> pick(String who, String span) {
        String w = PartyResolver.clean(unbalanced(who.replaceAll("[\\u200B-\\u200D\\uFEFF]", "")));
        if (w.length() > 2 && "([（".indexOf(w.charAt(0)) >= 0 && ")]）".indexOf(w.charAt(w.length() - 1)) >= 0) {
            w = w.substring(1, w.length() - 1).strip();
        }
        w = DESCRIPTORS.matcher(w).replaceFirst("").strip();
        w = Rx.of("(?iu)^(?:photo|foto|fotó|photograph|bild|beeld|image|imagen|credit|crédit|crédito)s?\\s*(?:by|de|por|par|von)?\\s*[:：]?\\s+").matcher(w).replaceFirst("").strip();
        w = Rx.of("(?iu)\\s*(?:제공|提供)$").matcher(w).replaceFirst("").strip();
        if (w.isEmpty()) {
            return Optional.empty();
        }
        Matcher archives = ARCHIVES_OF.matcher(w);
        if (archives.matches() && !archives.group("org").isBlank()) {
            w = archives.group("org").strip();
        }
        List<String> parts = new ArrayList<>();
        for (String p : w.split("\\s*(?:/|\\||;|,|\\s-\\s|\\s–\\s|\\svia\\s|\\sfor\\s|(?<!(?:^|[\\s.])\\p{Lu})\\.\\s+(?=\\p{Lu})|\\(|\\))\\s*")) {
            String s = PartyResolver.clean(p);
            s = Rx.of("(?iu)\\s*(?:nuotr\\.?|foto|photo|files?|archives?|archivo|arquivo|archiv|handout)$").matcher(s).replaceFirst("").strip();
            if (!s.isEmpty() && !PART_NOISE.matcher(s).matches() && !OrgNames.generic(s)) {
                parts.add(s);
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.stream().allMatch(p -> resolver.whole(p).isEmpty())) {
            // "© ANSA +CLICCA PER INGRANDIRE": an agency's code among other words (a button's label) is the credit.
            for (String p : parts) {
                List<String> codes = new ArrayList<>();
                CodeTokens.forEach(p, (s0, e0) -> {
                    String token = p.substring(s0, e0);
                    if (token.length() >= 2 && resolver.registry().isCode(token)) {
                        codes.add(token);
                    }
                });
                if (codes.size() == 1 && p.indexOf(codes.get(0)) == 0) {
                    return Optional.of(new Found(codes.get(0), span));
                }
            }
        }
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        long organisations = parts.stream().filter(p -> !resolver.whole(p).isEmpty() || OrgNames.orgLike(p)).count();
        for (String p : parts) {
            double score = orgScore(p);
            if (organisations > 1 && homeCountry != null && resolver.whole(p).stream()
                    .anyMatch(x -> homeCountry.equalsIgnoreCase(x.party().country()))) {
                score -= 10; // the home agency distributes a picture another agency took
            }
            if (score >= bestScore) { // ties go to the later part: the agency that took the picture stands last
                bestScore = score;
                best = p;
            }
        }
        if (best == null || best.length() > 80 || best.split("\\s+").length > 8 || !best.codePoints().anyMatch(Character::isLetter)
                || OrgNames.generic(best) || Rx.of("\\d{4}|\\d+年|\\d+月").matcher(best).find()) {
            return Optional.empty();
        }
        return Optional.of(new Found(best, span));
    }

    /** Without a bracket whose partner is outside the text ("Hersteller)" cut from "(Bild: Hersteller)"). */
    private static String unbalanced(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ")]）".indexOf(t.charAt(t.length() - 1)) >= 0 && count(t, '(') + count(t, '[') + count(t, '（')
                < count(t, ')') + count(t, ']') + count(t, '）')) {
            t = t.substring(0, t.length() - 1).strip();
        }
        while (!t.isEmpty() && "([（".indexOf(t.charAt(0)) >= 0 && count(t, '(') + count(t, '[') + count(t, '（')
                > count(t, ')') + count(t, ']') + count(t, '）')) {
            t = t.substring(1).strip();
        }
        return t;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    private double orgScore(String part) {
        double s = 0;
        if (!resolver.whole(part).isEmpty()) {
            s += 10;
        }
        if (OrgNames.orgLike(part)) {
            s += 3;
        }
        String letters = part.replaceAll("[^\\p{L}]", "");
        if (letters.length() >= 2 && letters.length() <= 6 && letters.equals(letters.toUpperCase(java.util.Locale.ROOT))
                && !letters.equals(letters.toLowerCase(java.util.Locale.ROOT))) {
            s += 3;
        }
        if (!part.contains(" ") && Character.isUpperCase(part.codePointAt(0))) {
            s += 1;
        }
        if (Rx.of("(?iu)^(?:city|ministry|university|institute|council|government|department|museum|foundation|police|office|state"
                + "|ville|minist[eè]re|universit[ée]|instituto|universidad|ayuntamiento|prefeitura|stadt|ministerium)\\b").matcher(part).find()
                || Rx.of("(?iu)\\b(?:of|de|du|des|da|do|der)\\b").matcher(part).find() && OrgNames.orgLike(part)) {
            s += 2;
        }
        if (OrgNames.personLike(part)) {
            s -= 1;
        }
        return s;
    }
}
