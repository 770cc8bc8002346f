package org.provkit.page;

import java.util.ArrayList;
import java.util.List;

/** The URLs of a {@code srcset}: comma-separated candidates, each a URL and an optional width or density. */
public final class Srcset {

    private Srcset() {
    }

    public static List<String> urls(String srcset) {
        List<String> out = new ArrayList<>();
        String s = srcset == null ? "" : srcset.strip();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String url = s.substring(start, i);
            // A URL ends at white space; a comma right after it ends the candidate too (data: URLs hold commas inside).
            if (url.endsWith(",")) {
                while (url.endsWith(",")) {
                    url = url.substring(0, url.length() - 1);
                }
            } else {
                while (i < s.length() && s.charAt(i) != ',') {
                    i++;
                }
            }
            if (!url.isEmpty()) {
                out.add(url);
            }
        }
        return out;
    }
}
