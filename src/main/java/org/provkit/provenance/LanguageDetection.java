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
        if ("zh".equals(language) || "ja".equals(language) || "ko".equals(language)) {
            return language;
        }
        long letters = 0;
        long han = 0;
        long kana = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana++;
            }
        }
        if (letters == 0 || (han + kana) * 2 < letters) {
            return language;
        }
        return kana * 20 >= kana + han ? "ja" : "zh";
    }

    /** The language of the script most of the letters are in, when that script is one language's own; else null. */
    static String scriptLanguage(String sample) {
        java.util.Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
        int letters = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            counts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
        }
        for (var e : counts.entrySet()) {
            if (OWN_SCRIPT.containsKey(e.getKey()) && e.getValue() * 10 >= letters * 6) {
                return OWN_SCRIPT.get(e.getKey());
            }
        }
        return null;
    }

    /** The language, or null when the text is too short or the detector is not confident. */
    static String detect(String text) {
        long letters = text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count();
        if (letters < MIN_LETTERS) {
            return null;
        }
        String own = scriptLanguage(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        if (own != null) {
            return own;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<LanguageResult> results;
        LanguageDetector detector = DETECTOR.get();
        detector.reset();
        detector.addText(sample);
        results = detector.detectAll();
        if (results.isEmpty() || results.get(0).isUnknown() || results.get(0).getRawScore() < 0.5f) {
            return null;
        }
        String lang = results.get(0).getLanguage();
        int dash = lang.indexOf('-');
        return byScript(cjkOverride((dash > 0 ? lang.substring(0, dash) : lang).toLowerCase(Locale.ROOT), sample), sample);
    }

    /**
     * Chinese is never written with kana: a text the detector calls Chinese that has a fair share of
     * hiragana or katakana is Japanese (kanji-heavy Japanese news, "日中両国の首脳は12日、電話で会談した",
     * fooled it).
     */
    static String byScript(String language, String sample) {
        String own = scriptLanguage(sample);
        if (own != null) {
            return own;
        }
        if (!"zh".equals(language)) {
            return language;
        }
        long kana = 0;
        long han = 0;
        for (int i = 0; i < sample.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(sample.charAt(i));
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana++;
            } else if (script == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        return kana > 0 && kana * 20 >= kana + han ? "ja" : language;
    }
}
