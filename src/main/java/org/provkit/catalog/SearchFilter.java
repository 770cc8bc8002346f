package org.provkit.catalog;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.provkit.ProvkitException;

/**
 * What a search is narrowed to besides its words: web captures (members of web archives) by the address they were
 * captured from, and by the days they were captured on (UTC, both ends included). A null field narrows nothing.
 *
 * @param url          a captured URL starts with this; without a scheme, after {@code http://} or {@code https://},
 *                     or it is the captured URL's registrable domain ({@code granma.cu} for {@code www.granma.cu})
 * @param capturedFrom the first day ({@code 2024-05-01}), or null for no lower bound
 * @param capturedTo   the last day, or null for no upper bound
 */
public record SearchFilter(String url, LocalDate capturedFrom, LocalDate capturedTo) {

    public static final SearchFilter NONE = new SearchFilter(null, null, null);

    /** A filter from the command line's values, either of which may be null. */
    public static SearchFilter of(String url, String captured) {
        if (url != null && url.isBlank()) {
            throw ProvkitException.usage("--url needs an address, e.g. https://www.granma.cu/2024/ or granma.cu");
        }
        if (captured == null) {
            return new SearchFilter(url == null ? null : url.strip(), null, null);
        }
        int dots = captured.indexOf("..");
        String from = dots < 0 ? captured : captured.substring(0, dots);
        String to = dots < 0 ? captured : captured.substring(dots + 2);
        if (from.isBlank() && to.isBlank()) {
            throw badSpan(captured);
        }
        LocalDate first = from.isBlank() ? null : day(from, true, captured);
        LocalDate last = to.isBlank() ? null : day(to, false, captured);
        if (first != null && last != null && first.isAfter(last)) {
            throw ProvkitException.usage("--captured " + captured + " ends before it starts");
        }
        return new SearchFilter(url == null ? null : url.strip(), first, last);
    }

    public boolean narrows() {
        return url != null || capturedFrom != null || capturedTo != null;
    }

    /** SQL conditions on the document {@code d}, each starting with AND, for {@link #parameters()}. */
    String sql() {
        StringBuilder sql = new StringBuilder();
        if (url != null) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM urls u WHERE u.document_id = d.id AND u.role = 'captured'
                       AND (u.url LIKE ? ESCAPE '\\' OR u.url LIKE ? ESCAPE '\\' OR u.url LIKE ? ESCAPE '\\' OR u.domain = ?))""");
        }
        if (capturedFrom != null) {
            sql.append(" AND substr(json_extract(d.record_json, '$.capture.date'), 1, 10) >= ?");
        }
        if (capturedTo != null) {
            sql.append(" AND substr(json_extract(d.record_json, '$.capture.date'), 1, 10) <= ?");
        }
        return sql.toString();
    }

    List<Object> parameters() {
        List<Object> parameters = new ArrayList<>();
        if (url != null) {
            String prefix = url.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.add(prefix);
            parameters.add(url.contains("://") ? prefix : "http://" + prefix);
            parameters.add(url.contains("://") ? prefix : "https://" + prefix);
            parameters.add(url.toLowerCase(Locale.ROOT));
        }
        if (capturedFrom != null) {
            parameters.add(capturedFrom.toString());
        }
        if (capturedTo != null) {
            parameters.add(capturedTo.toString());
        }
        return parameters;
    }

    /** The first or last day of a year, a month or a day. */
    private static LocalDate day(String text, boolean first, String span) {
        String value = text.strip();
        try {
            return switch (value.length()) {
                case 4 -> first ? Year.parse(value).atDay(1) : Year.parse(value).atMonth(12).atEndOfMonth();
                case 7 -> first ? YearMonth.parse(value).atDay(1) : YearMonth.parse(value).atEndOfMonth();
                case 10 -> LocalDate.parse(value);
                default -> throw badSpan(span);
            };
        } catch (DateTimeParseException e) {
            throw badSpan(span);
        }
    }

    private static ProvkitException badSpan(String span) {
        return ProvkitException.usage("--captured wants a year, month or day (2024, 2024-05, 2024-05-01) or a span of them "
                + "(2024-05-01..2024-05-31, 2024-05.., ..2024), not '" + span + "'");
    }
}
