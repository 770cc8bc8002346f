package org.provkit.provenance;

import java.util.List;
import java.util.Locale;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * ISO 639-1 language of a text with Tika's Optimaize detector. The profiles load once per JVM (~0.7 s);
 * Tika's detector object keeps the text it is fed, so each thread has its own.
 */
final class LanguageDetection {

    /** Enough text for a stable answer; more only costs time. */
    static final int MAX_CHARS = 2_000;
    /** Below this the detector guesses. */
    static final int MIN_LETTERS = 20;

    /** Tika's detector keeps the text it is fed: one per thread, so analyses never queue on one lock. */
    private static final ThreadLocal<LanguageDetector> DETECTOR = ThreadLocal.withInitial(
            () -> new OptimaizeLangDetector().loadModels());

    private LanguageDetection() {
    }

    /**
     * Loads the language profiles on a background thread. Loading takes about 0.4 s and every
     * analysing thread would otherwise wait for it at its first document; started before the sources
     * are scanned and Tika is configured, it overlaps that work instead.
     */
    static void preload() {
        Thread loader = new Thread(() -> {
            try {
                Class.forName(OptimaizeLangDetector.class.getName(), true, LanguageDetection.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // Nothing to do here: the first detection loads the class again and reports the failure.
            }
        }, "provkit-preload-languages");
        loader.setDaemon(true);
        loader.start();
    }

    /** Scripts that one language writes (Optimaize knows no Armenian or Georgian; a script is surer than a guess). */
    private static final java.util.Map<Character.UnicodeScript, String> OWN_SCRIPT = java.util.Map.ofEntries(
            java.util.Map.entry(Character.UnicodeScript.ARMENIAN, "hy"), java.util.Map.entry(Character.UnicodeScript.GEORGIAN, "ka"),
            java.util.Map.entry(Character.UnicodeScript.HANGUL, "ko"), java.util.Map.entry(Character.UnicodeScript.THAI, "th"),
            java.util.Map.entry(Character.UnicodeScript.GREEK, "el"), java.util.Map.entry(Character.UnicodeScript.HEBREW, "he"),
            java.util.Map.entry(Character.UnicodeScript.KHMER, "km"), java.util.Map.entry(Character.UnicodeScript.LAO, "lo"),
            java.util.Map.entry(Character.UnicodeScript.MYANMAR, "my"), java.util.Map.entry(Character.UnicodeScript.SINHALA, "si"),
            java.util.Map.entry(Character.UnicodeScript.ETHIOPIC, "am"), java.util.Map.entry(Character.UnicodeScript.TIBETAN, "bo"),
            java.util.Map.entry(Character.UnicodeScript.TAMIL, "ta"), java.util.Map.entry(Character.UnicodeScript.TELUGU, "te"),
            java.util.Map.entry(Character.UnicodeScript.KANNADA, "kn"), java.util.Map.entry(Character.UnicodeScript.MALAYALAM, "ml"),
            java.util.Map.entry(Character.UnicodeScript.GUJARATI, "gu"), java.util.Map.entry(Character.UnicodeScript.GURMUKHI, "pa"),
            java.util.Map.entry(Character.UnicodeScript.ORIYA, "or"));

    /**
     * Chinese or Japanese for a text written mostly in Han characters and kana, whatever the detector said: Latin
     * words among them ("Wi-Fi", "App Store") pulled it to English on a Japanese page.
     */
    static String cjkOverride(String language, String sample) {
        return cjkOverride(language, Scripts.of(sample));
    }

    private static String cjkOverride(String language, Scripts scripts) {
        if ("zh".equals(language) || "ja".equals(language) || "ko".equals(language)) {
            return language;
        }
        long han = scripts.hanLetters();
        long kana = scripts.kanaLetters();
        if (scripts.letters() == 0 || (han + kana) * 2 < scripts.letters()) {
            return language;
        }
        return kana * 20 >= kana + han ? "ja" : "zh";
    }

    /** The language of the script most of the letters are in, when that script is one language's own; else null. */
    static String scriptLanguage(String sample) {
        return Scripts.of(sample).ownLanguage();
    }

    /**
     * How many letters of a sample are in each script, counted once per sample: the rules below all ask it, and
     * {@link Character.UnicodeScript#of} is a binary search per character.
     */
    private record Scripts(int letters, java.util.Map<Character.UnicodeScript, Integer> letterCounts,
            long hanLetters, long kanaLetters, long hanChars, long kanaChars) {

        static Scripts of(String sample) {
            java.util.Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
            int letters = 0;
            int ascii = 0;
            long hanLetters = 0;
            long kanaLetters = 0;
            long hanChars = 0;
            long kanaChars = 0;
            for (int i = 0; i < sample.length(); i++) {
                char c = sample.charAt(i);
                if (c < 0x80) {
                    // ASCII letters are all Latin: no lookup for most of a Latin-script text.
                    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                        letters++;
                        ascii++;
                    }
                    continue;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                boolean han = script == Character.UnicodeScript.HAN;
                boolean kana = script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
                hanChars += han ? 1 : 0;
                kanaChars += kana ? 1 : 0;
                if (Character.isLetter(c)) {
                    letters++;
                    counts.merge(script, 1, Integer::sum);
                    hanLetters += han ? 1 : 0;
                    kanaLetters += kana ? 1 : 0;
                }
            }
            if (ascii > 0) {
                counts.merge(Character.UnicodeScript.LATIN, ascii, Integer::sum);
            }
            return new Scripts(letters, counts, hanLetters, kanaLetters, hanChars, kanaChars);
        }

        String ownLanguage() {
            for (var e : letterCounts.entrySet()) {
                if (OWN_SCRIPT.containsKey(e.getKey()) && e.getValue() * 10 >= letters * 6) {
                    return OWN_SCRIPT.get(e.getKey());
                }
            }
            return null;
        }
    }

    /** The language, or null when the text is too short or the detector is not confident. */
    static String detect(String text) {
        return detect(text, null);
    }

    /**
     * The language, or null when the text is too short or the detector is not confident. {@code declared} is the
     * document's own two-letter declaration (its {@code lang} attribute, {@code dc:language}), or null.
     *
     * <p>The detector's cost grows with the text it reads (about 0.8 ms per 1,000 characters here), and on most
     * documents a short head already gives a sure answer. So it reads the head first and keeps that answer when it
     * is sure and is the language the document declares (or, with no declaration, when it is beyond doubt); any
     * disagreement or doubt reads the whole sample, as before.
     */
    static String detect(String text, String declared) {
        long letters = text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count();
        if (letters < MIN_LETTERS) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Scripts scripts = Scripts.of(sample);
        String own = scripts.ownLanguage();
        if (own != null) {
            return own;
        }
        LanguageDetector detector = DETECTOR.get();
        if (sample.length() > QUICK_CHARS * 3 / 2) {
            LanguageResult quick = best(detector, head(sample, QUICK_CHARS));
            if (quick != null) {
                String language = code(quick);
                float needed = declared == null ? QUICK_UNDECLARED_CONFIDENCE : QUICK_DECLARED_CONFIDENCE;
                if (quick.getRawScore() >= needed && (declared == null || declared.equals(language))) {
                    return byScript(cjkOverride(language, scripts), scripts);
                }
            }
        }
        LanguageResult result = best(detector, sample);
        if (result == null || result.getRawScore() < 0.5f) {
            return null;
        }
        return byScript(cjkOverride(code(result), scripts), scripts);
    }

    /** Characters read first; see {@link #detect(String, String)}. */
    static final int QUICK_CHARS = 500;
    /** The head's answer stands when the document declares that language and the detector is this sure ... */
    static final float QUICK_DECLARED_CONFIDENCE = 0.9f;
    /** ... or, when the document declares none, this sure. */
    static final float QUICK_UNDECLARED_CONFIDENCE = 0.9999f;

    private static LanguageResult best(LanguageDetector detector, String sample) {
        detector.reset();
        detector.addText(sample);
        List<LanguageResult> results = detector.detectAll();
        return results.isEmpty() || results.get(0).isUnknown() ? null : results.get(0);
    }

    private static String code(LanguageResult result) {
        String lang = result.getLanguage();
        int dash = lang.indexOf('-');
        return (dash > 0 ? lang.substring(0, dash) : lang).toLowerCase(Locale.ROOT);
    }

    /** The first {@code chars} characters, cut back to the last space so that no word is cut. */
    private static String head(String sample, int chars) {
        int end = sample.lastIndexOf(' ', chars);
        return sample.substring(0, end > chars / 2 ? end : chars);
    }

    /**
     * Chinese is never written with kana: a text the detector calls Chinese that has a fair share of
     * hiragana or katakana is Japanese (kanji-heavy Japanese news, "日中両国の首脳は12日、電話で会談した",
     * fooled it).
     */
    static String byScript(String language, String sample) {
        return byScript(language, Scripts.of(sample));
    }

    private static String byScript(String language, Scripts scripts) {
        String own = scripts.ownLanguage();
        if (own != null) {
            return own;
        }
        if (!"zh".equals(language)) {
            return language;
        }
        long kana = scripts.kanaChars();
        long han = scripts.hanChars();
        return kana > 0 && kana * 20 >= kana + han ? "ja" : language;
    }
}
