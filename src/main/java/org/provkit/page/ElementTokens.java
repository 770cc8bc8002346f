package org.provkit.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * The words a page's authors used to name an element: its {@code class}, {@code id}, {@code role} and
 * {@code itemprop}, split at punctuation and camel case and lower-cased ({@code "article__byline authorName"}
 * gives {@code article, byline, author, name}). Also the whole attribute values, lower-cased, for phrases that
 * span tokens ({@code most-read}).
 */
public final class ElementTokens {

    private ElementTokens() {
    }

    /** The lower-cased class, id, role and itemprop values joined by spaces. */
    public static String raw(Element e) {
        StringBuilder sb = new StringBuilder();
        for (String attr : new String[] {"class", "id", "role", "itemprop", "rel", "data-testid", "data-component"}) {
            String v = e.attr(attr);
            if (!v.isEmpty()) {
                sb.append(v.toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        return sb.toString();
    }

    /** The words of {@link #raw}, split at any non-letter and at lower-to-upper case changes. */
    public static List<String> of(Element e) {
        List<String> out = new ArrayList<>();
        for (String attr : new String[] {"class", "id", "role", "itemprop", "rel", "data-testid", "data-component"}) {
            split(e.attr(attr), out);
        }
        return out;
    }

    static void split(String value, List<String> out) {
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            boolean letter = Character.isLetterOrDigit(c);
            boolean camel = letter && start >= 0 && Character.isUpperCase(c) && i > 0 && Character.isLowerCase(value.charAt(i - 1));
            if (!letter || camel) {
                if (start >= 0) {
                    out.add(value.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = letter ? i : -1;
            } else if (start < 0) {
                start = i;
            }
        }
    }
}
