package org.provkit.catalog;

/**
 * One search result: where the document is, its title, a snippet of text around the hit (matches
 * between {@link CatalogSearch#MATCH_START} and {@link CatalogSearch#MATCH_END}), and its bm25 score
 * (lower is better; results come best first).
 */
public record SearchHit(String bundle, String document, String title, String language, String snippet, double score) {
}
