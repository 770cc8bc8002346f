package org.provkit.catalog;

import java.util.List;

import org.provkit.ProvkitException;

/** Full-text search over the catalog's FTS5 index of titles and extracted texts, ranked by bm25. */
public final class CatalogSearch {

    public static final String MATCH_START = "[";
    public static final String MATCH_END = "]";
    /** Title hits weigh this many times a body hit in the ranking. */
    static final double TITLE_WEIGHT = 5.0;
    static final int SNIPPET_TOKENS = 24;

    private CatalogSearch() {
    }

    private static Object[] parameters(SearchQuery query, SearchFilter filter, int limit) {
        List<Object> parameters = new java.util.ArrayList<>(List.of(MATCH_START, MATCH_END, SNIPPET_TOKENS, TITLE_WEIGHT, query.fts()));
        parameters.addAll(filter.parameters());
        parameters.add(limit);
        return parameters.toArray();
    }

    public static List<SearchHit> search(Catalog catalog, SearchQuery query, int limit) {
        return search(catalog, query, SearchFilter.NONE, limit);
    }

    /** The best {@code limit} matches of {@code query} among the documents {@code filter} lets through. */
    public static List<SearchHit> search(Catalog catalog, SearchQuery query, SearchFilter filter, int limit) {
        if (limit < 1) {
            throw ProvkitException.usage("--limit must be at least 1, not " + limit);
        }
        try {
            return catalog.query("""
                    SELECT b.path, d.path, d.title, d.language,
                           snippet(document_text, 1, ?, ?, '…', ?),
                           bm25(document_text, ?, 1.0) AS score
                    FROM document_text
                    JOIN documents d ON d.id = document_text.rowid
                    JOIN bundles b ON b.id = d.bundle_id
                    WHERE document_text MATCH ?""" + filter.sql() + """

                    ORDER BY score, b.path, d.path
                    LIMIT ?""",
                    row -> new SearchHit(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            SearchText.unsegment(row.getString(5)), row.getDouble(6)),
                    parameters(query, filter, limit));
        } catch (CatalogException e) {
            String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            if (message != null && (message.contains("fts5") || message.contains("syntax error")
                    || message.contains("no such column") || message.contains("unterminated"))) {
                throw ProvkitException.usage("not a valid full-text query: '" + query.userInput() + "' ("
                        + message.replaceFirst("^\\[SQLITE_ERROR\\][^(]*\\(", "").replaceFirst("\\)$", "") + ")");
            }
            throw e;
        }
    }
}
