package org.provkit.page;

/**
 * A value of the page's metadata and where it stands.
 *
 * @param value the value as written (trimmed)
 * @param field what holds it: {@code og:site_name}, {@code meta author}, {@code json-ld publisher},
 *              {@code json-ld author (Organization)}, {@code microdata author}, {@code link rel=author}
 * @param line  1-based line of the raw file, or null
 * @param kind  for names: who the page says it is
 */
public record MetaValue(String value, String field, Integer line, Kind kind) {

    /** What a named value is, when the page says. */
    public enum Kind {
        PERSON, ORGANIZATION, UNKNOWN
    }

    public MetaValue(String value, String field, Integer line) {
        this(value, field, line, Kind.UNKNOWN);
    }
}
