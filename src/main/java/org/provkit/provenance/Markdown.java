package org.provkit.provenance;

import java.util.regex.Pattern;

/** Just enough Markdown to read converted articles: emphasis, headings, list bullets, quotes. */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LEADING = Pattern.compile("^\\s*(?:>\\s*|[-+•]\\s+|[–—]\\s*|\\*\\s+(?=\\S))*");

    private Markdown() {
    }

    /** The heading text without its hashes, or null when the line is no ATX heading. */
    static String heading(String line) {
        var m = HEADING.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    /** The line without wrapping emphasis ({@code **x**}, {@code *x*}, {@code _x_}), quote or bullet marks. */
    static String plain(String line) {
        String s = LEADING.matcher(line).replaceFirst("").strip();
        boolean changed = true;
        while (changed && s.length() >= 2) {
            changed = false;
            for (String mark : new String[] {"***", "**", "__", "*", "_", "`"}) {
                if (s.length() > 2 * mark.length() && s.startsWith(mark) && s.endsWith(mark)) {
                    s = s.substring(mark.length(), s.length() - mark.length()).strip();
                    changed = true;
                    break;
                }
            }
        }
        return s;
    }

    /** The column (0-based) where {@link #plain(String)} content starts in the raw line. */
    static int plainStart(String line, String plain) {
        int i = plain.isEmpty() ? -1 : line.indexOf(plain);
        return Math.max(i, 0);
    }

    /** Inline emphasis markers removed everywhere ({@code *Xi* ratifie} → {@code Xi ratifie}). */
    static String stripInline(String s) {
        return Rx.of("(\\*{1,3}|_{1,3})(\\S(?:.*?\\S)?)\\1").matcher(s).replaceAll("$2").replace("`", "").strip();
    }

    /** A line that only separates ({@code ---}, {@code ***}, {@code ___}, {@code ===}). */
    static boolean isRule(String line) {
        return Rx.of("([-*_=~])(\\s*\\1){2,}").matcher(line.strip()).matches();
    }
}
