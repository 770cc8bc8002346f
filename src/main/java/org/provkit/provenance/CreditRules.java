package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credit lines for pictures and other assets, in French, Spanish, English and Portuguese (and the word for
 * "photo" in a dozen other languages): a label
 * ({@code Image:}, {@code Foto:}, {@code Photo :}, {@code Crédit photo :}, {@code Photo by}, {@code Foto de}, ...)
 * then who is credited; either a whole line or a parenthesised credit inside a caption ({@code (Foto: PL)}).
 */
final class CreditRules {

    private static final String IMAGE_LABELS = "cr[ée]dits?\\s+(?:photos?|images?)|photo\\s+cr[ée]dits?|image\\s+cr[ée]dits?"
            + "|cr[ée]dito\\s+(?:da\\s+|de\\s+(?:la\\s+)?)?(?:fotos?|imagem|imagen)|cr[ée]ditos?|cr[ée]dit"
            + "|photos?|images?|imagen(?:es)?|imagem|imagens|fotos?|fotografías?|fotografias?|fotograf[ií]a"
            + "|illustrations?|ilustraci[óo]n|ilustra[çc][ãa]o|infograph(?:ie|ic)s?|infograf[ií]as?|graphics?|gr[áa]ficos?"
            + "|captura(?:\\s+de\\s+(?:pantalla|tela))?|capture\\s+d['’][ée]cran|screenshot"
            // other languages: de, it, nl, ru, ar, zh, ja, ko, pl, tr, el, he, fi
            + "|bild(?:er)?|immagine|afbeelding|фото(?:графия)?|снимок|الصورة|صورة|تصوير|图片|圖片|图|圖|摄影|攝影|照片|写真|사진"
            + "|zdj[ęe]cie|foto[ğg]raf|φωτογραφία|תמונה|צילום|kuva";
    private static final String VIDEO_LABELS = "v[ií]d[ée]os?";
    private static final String LABELS = "(?<label>" + IMAGE_LABELS + "|" + VIDEO_LABELS + ")";

    /** A whole line: "Foto: ACN", "Photo : AFP", "Crédit photo: X", "Photo by X", "Foto de X", "Foto/ X". */
    private static final Pattern LINE = Pattern.compile(
            "^(?iu:" + LABELS + ")\\s*(?:(?:[:：|/]|\\s-\\s|\\s[–—]\\s)\\s*|\\s+(?i:by|de|por|par|courtesy\\s+of|cortes[íi]a\\s+de)\\s+)"
                    + "(?<who>\\S.{0,150}?)\\s*$");
    /** Inside a caption: "(Foto: PL)", "[Photo: AFP]", "Photo: AFP" after a sentence. */
    private static final Pattern INLINE = Pattern.compile(
            "[(\\[](?iu:" + LABELS + ")\\s*(?:[:：/]\\s*|\\s+(?i:by|de|por|par)\\s+)(?<who>[^)\\]]{1,100})[)\\]]"
                    + "|(?<=[.!?»\"”]\\s)(?iu:" + LABELS.replace("<label>", "<label2>") + ")\\s*[:：]\\s*(?<who2>[^.]{1,100}?)\\.?\\s*$");
    /** "(Photo AFP)", "Foto EFE": no separator, so only a registered party makes it a credit (see {@link Found#loose}). */
    private static final Pattern LOOSE = Pattern.compile(
            "(?:^|[(\\[])(?iu:" + LABELS + ")\\s+(?<who>\\p{Lu}[^()\\[\\]]{1,40}?)\\s*(?:[)\\]]|$)");
    /** A caption ending in "© AFP" or "/ AFP". */
    private static final Pattern COPYRIGHT = Pattern.compile("(?:©|\\(c\\)|\\(C\\))\\s*(?:\\d{4}\\s+)?(?<who>[^©]{2,80}?)\\s*$");

    /** "Foto de archivo", "Photo d'illustration": descriptions, not credits. */
    private static final Pattern NOT_A_PARTY = Pattern.compile(
            "(?i)(?:d['’])?(?:archivo|archive|archives|arquivo|illustration|ilustraci[óo]n|ilustra[çc][ãa]o|referencia|r[ée]f[ée]rence|refer[êe]ncia|cortes[íi]a|courtesy)");

    private CreditRules() {
    }

    /** One credit found in a line: the asset kind, who as written, and where in the line. */
    record Found(String asset, String who, int start, int end, boolean loose) {

        Found(String asset, String who, int start, int end) {
            this(asset, who, start, end, false);
        }
    }

    /** A credit in a (Markdown-plain) line of text. */
    static Optional<Found> inLine(String line) {
        String plain = Markdown.plain(line);
        if (plain.length() > 400) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(plain);
        if (m.matches()) {
            String who = cleanWho(m.group("who"));
            boolean byForm = Rx.of("(?i)[\\p{L} ]+").matcher(m.group().substring(m.end("label"), m.start("who")).strip()).matches();
            boolean byFormOk = !byForm || (Character.isUpperCase(who.codePointAt(0)) && Rx.of("\\s+").split(plain).length <= 8);
            if (plausible(who) && byFormOk) {
                return Optional.of(at(line, plain, assetOf(m.group("label")), who, plain));
            }
        }
        m = INLINE.matcher(plain);
        if (m.find()) {
            String who = cleanWho(m.group("who") != null ? m.group("who") : m.group("who2"));
            if (plausible(who)) {
                String label = m.group("label") != null ? m.group("label") : m.group("label2");
                return Optional.of(at(line, plain, assetOf(label), who, m.group()));
            }
        }
        m = LOOSE.matcher(plain);
        if (m.find()) {
            String who = cleanWho(m.group("who"));
            if (plausible(who)) {
                Found f = at(line, plain, assetOf(m.group("label")), who, m.group().strip());
                return Optional.of(new Found(f.asset(), f.who(), f.start(), f.end(), true));
            }
        }
        return Optional.empty();
    }

    /** A copyright notice at the end of a caption (only used for figcaptions and text next to an image). */
    static Optional<Found> copyrightInCaption(String caption) {
        Matcher m = COPYRIGHT.matcher(caption.strip());
        if (m.find()) {
            String who = cleanWho(m.group("who"));
            if (plausible(who)) {
                return Optional.of(new Found("image", who, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    private static Found at(String line, String plain, String asset, String who, String span) {
        int start = line.indexOf(span);
        if (start < 0) {
            start = Markdown.plainStart(line, plain);
            return new Found(asset, who, start, start + plain.length());
        }
        return new Found(asset, who, start, start + span.length());
    }

    private static String assetOf(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.matches(VIDEO_LABELS)) {
            return "video";
        }
        if (l.startsWith("infogra") || l.startsWith("graph") || l.startsWith("gráf") || l.startsWith("graf")) {
            return "graphic";
        }
        return "image";
    }

    private static String cleanWho(String who) {
        String w = Markdown.stripInline(who.strip());
        w = Rx.of("^[\\s\"“«(]+|[\\s\"”»).;,]+$").matcher(w).replaceAll("");
        return w.strip();
    }

    /** A name, not a sentence: short, no sentence in it. */
    private static boolean plausible(String who) {
        if (who.isEmpty() || who.length() > 120 || !who.codePoints().anyMatch(Character::isLetter)) {
            return false;
        }
        if (NOT_A_PARTY.matcher(who).matches()) {
            return false;
        }
        return Rx.of("\\s+").split(who).length <= 12 && !Rx.of(".*[.!?]\\s+\\p{Lu}.*").matcher(who).matches();
    }

    /** The parties a credit names: the whole value, else its parts split at "/", ",", ";", "|" or " - ". */
    static List<String> parts(String who) {
        List<String> out = new ArrayList<>();
        // "新华社记者 李明 摄": agency, "reporter", the photographer, "photographed".
        String w = Rx.of("\\s*[摄攝]$").matcher(who).replaceAll("");
        for (String p : Rx.of("\\s*(?:/|,|;|\\||\\s-\\s|\\s–\\s|\\svia\\s|记者|記者)\\s*").split(w)) {
            String s = p.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
