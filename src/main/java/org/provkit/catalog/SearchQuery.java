package org.provkit.catalog;

import java.util.ArrayList;
import java.util.List;

import org.provkit.ProvkitException;

/**
 * A user's search turned into an FTS5 query that can never be a syntax error: each word becomes a quoted
 * FTS5 string (so {@code Díaz-Canel} is the phrase "díaz canel" after tokenizing), all words must occur,
 * and a trailing {@code *} keeps its prefix meaning. {@link #raw} passes FTS5 syntax through untouched. Chinese,
 * Japanese and Korean are split into characters as the index holds them ({@link SearchText}), so that a CJK
 * word is the phrase of its characters.
 */
public record SearchQuery(String userInput, String fts) {

    public static SearchQuery words(String input) {
        List<String> terms = new ArrayList<>();
        for (String word : input.strip().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String body = prefix ? word.substring(0, word.length() - 1) : word;
            if (body.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            terms.add("\"" + SearchText.segment(body).replace("\"", "\"\"") + "\"" + (prefix ? "*" : ""));
        }
        if (terms.isEmpty()) {
            throw ProvkitException.usage("the query '" + input + "' holds no word to search for");
        }
        return new SearchQuery(input, String.join(" ", terms));
    }

    /** The whole input as one phrase: its words in this order, next to each other. */
    public static SearchQuery phrase(String input) {
        if (input.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ProvkitException.usage("the query '" + input + "' holds no word to search for");
        }
        return new SearchQuery(input, "\"" + SearchText.segment(input.strip()).replace("\"", "\"\"") + "\"");
    }

    /** FTS5 query syntax as given (AND, OR, NOT, NEAR, column filters, prefixes). */
    public static SearchQuery raw(String input) {
        if (input.isBlank()) {
            throw ProvkitException.usage("the query is empty");
        }
        return new SearchQuery(input, SearchText.segment(input));
    }
}
