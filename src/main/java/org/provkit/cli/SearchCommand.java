package org.provkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.ProvkitException;
import org.provkit.catalog.Catalog;
import org.provkit.catalog.CatalogSearch;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.CollectionScanner;
import org.provkit.catalog.SearchHit;
import org.provkit.catalog.SearchQuery;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.VerifyOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code provkit search}: full-text search of the catalog. When the folder has no catalog yet, it is
 * built first (as {@code audit} would, without a report); an existing catalog is searched as it is, with
 * a note when bundles changed since it was made.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the extracted text and titles of every indexed document, best matches first.",
            "Words are matched without regard to case or accents; all words must occur."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:search done (with or without results)", "2:usage error (an empty or, with --fts, invalid query)",
            "3:the catalog could not be read"})
public final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    ProvkitCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to find, e.g. Díaz-Canel.")
    List<String> words;

    @Option(names = "--archives", paramLabel = "DIR", defaultValue = "archives",
            description = "Folder of bundles whose catalog to search (default: ${DEFAULT-VALUE}).")
    Path archives;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--phrase", description = "Find the words next to each other, in this order.")
    boolean phrase;

    @Option(names = "--fts", description = "Read QUERY as SQLite FTS5 syntax (OR, NOT, NEAR, prefix*, title:...).")
    boolean fts;

    @Override
    public Integer call() throws java.io.IOException {
        String input = String.join(" ", words);
        if (phrase && fts) {
            throw ProvkitException.usage("--phrase and --fts cannot be combined");
        }
        SearchQuery query = fts ? SearchQuery.raw(input) : phrase ? SearchQuery.phrase(input) : SearchQuery.words(input);
        if (limit < 1) {
            throw ProvkitException.usage("--limit must be at least 1, not " + limit);
        }
        Path file = Catalog.fileIn(archives);
        if (!Files.isRegularFile(file)) {
            if (!Files.isDirectory(archives)) {
                throw ProvkitException.unreadable("no folder " + archives + " and so no catalog to search", null);
            }
            global.notes(parent.err()).println("provkit: no catalog in " + archives + " yet: verifying and indexing its bundles first");
            VerifyOptions options = VerifyOptions.defaults();
            try (Catalog catalog = Catalog.open(file, false)) {
                new CatalogUpdater(bundle -> BagVerifier.verify(bundle, options), null, AuditCommand.THREADS)
                        .update(archives, catalog, CatalogUpdater.Progress.NONE);
            }
        }
        try (Catalog catalog = Catalog.openExisting(file)) {
            warnWhenStale(catalog);
            List<SearchHit> hits = CatalogSearch.search(catalog, query, limit);
            if (global.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("query", input);
                json.put("fts", query.fts());
                json.put("catalog", file.toString());
                json.put("results", hits);
                Json.mapper().writeValue(parent.out(), json);
                parent.out().println();
            } else {
                print(input, hits, catalog);
            }
        }
        return ExitCode.OK;
    }

    private void print(String input, List<SearchHit> hits, Catalog catalog) {
        if (hits.isEmpty()) {
            int documents = catalog.query("SELECT count(*) FROM documents", r -> r.getInt(1)).get(0);
            parent.out().println("No document matches \"" + input + "\" (" + documents + " documents indexed in "
                    + Catalog.fileIn(archives) + ").");
            return;
        }
        parent.out().println(hits.size() + (hits.size() == limit ? "+" : "") + " result" + (hits.size() == 1 ? "" : "s")
                + " for \"" + input + "\":");
        int rank = 1;
        for (SearchHit hit : hits) {
            parent.out().println();
            parent.out().println(rank++ + ". " + hit.bundle() + "  " + hit.document()
                    + (hit.language() == null ? "" : "  [" + hit.language() + "]"));
            if (hit.title() != null && !hit.title().isBlank()) {
                parent.out().println("   " + hit.title().replaceAll("\\s+", " ").strip());
            }
            parent.out().println("   " + hit.snippet().replaceAll("\\s+", " ").strip());
        }
    }

    private void warnWhenStale(Catalog catalog) {
        if (!Files.isDirectory(archives)) {
            return;
        }
        Map<String, Catalog.StoredState> stored = catalog.storedStates();
        long stale = CollectionScanner.scan(archives).stream().filter(bundle -> {
            Catalog.StoredState state = stored.remove(bundle.relativePath());
            return state == null || state.size() != bundle.size() || state.mtimeNanos() != bundle.mtimeNanos();
        }).count() + stored.size();
        if (stale > 0) {
            global.notes(parent.err()).println("provkit: " + stale + " bundle(s) in " + archives + " changed since the catalog was made;"
                    + " run 'provkit audit " + archives + "' to update it");
        }
    }
}
