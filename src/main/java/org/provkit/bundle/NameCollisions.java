package org.provkit.bundle;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names that differ only by letter case or Unicode normalisation are different files here, but one file
 * on macOS, Windows and many archive tools: both are kept, and each pair is noted.
 */
final class NameCollisions {

    private NameCollisions() {
    }

    static List<SourceNote> find(List<String> paths) {
        List<SourceNote> notes = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String path : paths) {
            String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
            String key = nfc.toLowerCase(Locale.ROOT);
            String earlier = seen.putIfAbsent(key, path);
            if (earlier != null) {
                String kind = Normalizer.normalize(earlier, Normalizer.Form.NFC).equals(nfc)
                        ? "Unicode normalisation" : "letter case";
                notes.add(new SourceNote(path, "differs from " + earlier + " only by " + kind
                        + ": both are kept, but they collide on file systems that ignore it"));
            }
        }
        return notes;
    }
}
