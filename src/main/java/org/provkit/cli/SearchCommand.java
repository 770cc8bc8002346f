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
import org.provkit.audit.AuditService;
import org.provkit.catalog.Catalog;
import org.provkit.catalog.CatalogLocation;
import org.provkit.catalog.CatalogSearch;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.CollectionScanner;
import org.provkit.catalog.SearchFilter;
import org.provkit.catalog.SearchHit;
import org.provkit.catalog.SearchQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code provkit search}: full-text search of the catalog, opened read-only. When the folder has no catalog
 * yet (or one of an older provkit), it is built first, as {@code audit} would, without a report; an existing
 * catalog is searched as it is, with a note when bundles changed since it was made.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the extracted text and titles of every indexed document, best matches first.",
            "Words are matched without regard to case or accents; all words must occur. Chinese, Japanese and Korean "
                + "words are found inside the text that holds them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:search done (with or without results)", "2:usage error (an empty or, with --fts, invalid query)",
            "3:the folder or the catalog could not be read (or holds no bundle)"})
public final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    ProvkitCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to find, e.g. Díaz-Canel or 古巴.")
    List<String> words;

    @Option(names = "--archives", paramLabel = "DIR", defaultValue = "archives",
            description = "Folder of bundles whose catalog to search (default: ${DEFAULT-VALUE}).")
    Path archives;

    @Option(names = "--catalog", paramLabel = "FILE", description = "The catalog to search, if not DIR/catalog.sqlite "
            + "(as audit --catalog made it).")
    Path catalogOption;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--phrase", description = "Find the words next to each other, in this order.")
    boolean phrase;

    @Option(names = "--fts", description = "Read QUERY as SQLite FTS5 syntax (OR, NOT, NEAR, prefix*, title:...).")
    boolean fts;

    @Option(names = "--url", paramLabel = "ADDRESS", description = "Only web captures whose URL starts with ADDRESS "
            + "(https://www.granma.cu/2024/, or www.granma.cu/2024/ for either scheme) or is of the domain ADDRESS (granma.cu).")
    String url;

    @Option(names = "--captured", paramLabel = "WHEN", description = "Only web captures made then (UTC): 2024, 2024-05, "
            + "2024-05-01, or a span such as 2024-05-01..2024-05-31 or 2024-05.. .")
    String captured;

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
        SearchFilter filter = SearchFilter.of(url, captured);
        CatalogLocation location = CatalogLocation.of(archives, catalogOption);
        try (Catalog catalog = open(location)) {
            warnWhenStale(catalog);
            List<SearchHit> hits = CatalogSearch.search(catalog, query, filter, limit);
            if (global.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("query", input);
                json.put("fts", query.fts());
                json.put("catalog", location.file().toString());
                json.put("results", hits);
                Json.mapper().writeValue(parent.out(), json);
                parent.out().println();
            } else {
                print(input, hits, catalog);
            }
        }
        return ExitCode.OK;
    }

    /** The catalog, read-only; built first (as audit would) when there is none yet or it is of an older provkit. */
    private Catalog open(CatalogLocation location) {
        if (location.exists()) {
            try {
                return Catalog.openReadOnly(location.file());
            } catch (Catalog.Outdated e) {
                build(location, "the catalog " + location.file() + " was made by another version of provkit: rebuilding it first");
            }
        } else {
            if (!Files.isDirectory(archives)) {
                throw ProvkitException.unreadable("no folder " + archives + " and so no catalog to search", null);
            }
            build(location, "no catalog in " + (location.elsewhere() ? location.file() : archives)
                    + " yet: verifying and indexing the bundles of " + archives + " first");
        }
        return Catalog.openReadOnly(location.file());
    }

    private void build(CatalogLocation location, String note) {
        if (!Files.isDirectory(archives)) {
            throw ProvkitException.unreadable("no folder " + archives + " to rebuild the catalog from", null);
        }
        AuditService.Options options = new AuditService.Options(archives, null, false, AuditCommand.THREADS, catalogOption);
        Runnable announce = () -> global.notes(parent.err()).println("provkit: " + note);
        AuditService.withBagVerifier(null).update(options, CatalogUpdater.Progress.NONE, announce);
    }

    private void print(String input, List<SearchHit> hits, Catalog catalog) {
        if (hits.isEmpty()) {
            int documents = catalog.query("SELECT count(*) FROM documents", r -> r.getInt(1)).get(0);
            parent.out().println("No document matches \"" + input + "\"" + (url == null && captured == null ? ""
                    : " among the web captures --url/--captured select") + " (" + documents + " documents indexed in "
                    + catalog.file() + ").");
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
                    + " run 'provkit audit " + archives + (catalogOption == null ? "" : " --catalog " + catalogOption)
                    + "' to update it");
        }
    }
}
