package org.provkit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.JsonFiles;
import org.provkit.OutputFiles;
import org.provkit.ProvkitException;
import org.provkit.bundle.BundleFormat;
import org.provkit.bundle.BundleRequest;
import org.provkit.bundle.BundleResult;
import org.provkit.bundle.BundleService;
import org.provkit.bundle.SourceChangedException;
import org.provkit.bundle.SourceScanner;
import org.provkit.sign.BundleSigner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code provkit bundle}: sources → one signed BagIt bundle. */
@Command(name = "bundle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Extract, attribute, pack, checksum and sign source documents into one BagIt bundle.",
            "Sources are files or folders (default: seeds/). The bundle is written to a temporary name, synced, "
                + "then renamed: an existing bundle is never overwritten.",
            "With SOURCE_DATE_EPOCH set, the same sources give the same bytes (apart from signature/).",
            "Left out of the folders walked, with a note: the output folder, bundles and catalogs found there."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:bundle written", "1:bundle written, but --strict and a document has a warning",
            "2:usage error (a bad option, a file where a folder is needed, the bundle exists already)",
            "3:a source could not be read or the bundle could not be written",
            "4:another provkit run is writing the same bundle (same folder and name): this one stopped at once"})
public final class BundleCommand implements Callable<Integer> {

    @ParentCommand
    ProvkitCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "SOURCES", arity = "0..*", description = "Files or folders to bundle (default: seeds/).")
    List<Path> sources;

    static final Path DEFAULT_OUTPUT = Path.of("archives");
    static final Path DEFAULT_SOURCES = Path.of("seeds");

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "archives",
            description = "Folder the bundle is written to (default: ${DEFAULT-VALUE}/).")
    Path output;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Bundle name (default: source name, UTC date and a short content hash).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tar",
            description = "tar (default), tar.gz, zip or dir.")
    String format;

    @Mixin
    BagInfoOptions bagInfo;

    @Option(names = "--archivist", paramLabel = "NAME",
            description = "Person on whose behalf the bundle is made, for the PROV graph (default: your user name).")
    String archivist;

    @Option(names = "--registry", paramLabel = "FILE", description = "Extra party registry (JSON) merged with the built-in one.")
    Path registry;

    @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: number of cores).")
    Integer threads;

    @Option(names = "--strict", description = "Exit 1 when any document has a warning (the bundle is still written).")
    boolean strict;

    @Mixin
    SigningOptions signing;

    @Override
    public Integer call() throws IOException {
        PrintStream out = parent.out();
        PrintStream err = global.notes(parent.err());
        BundleFormat bundleFormat;
        try {
            bundleFormat = BundleFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw ProvkitException.usage("--format: " + e.getMessage());
        }
        List<org.provkit.bag.BagInfo.Entry> fields = bagInfo.fields();
        List<Path> inputs = sources == null || sources.isEmpty() ? List.of(defaultSources()) : sources;
        SourceDateEpoch epoch = SourceDateEpoch.fromEnvironment();
        // Everything that can be wrong with the command line or the places it names is said before any work
        // (and before a first signing key is created).
        SourceScanner.requireExisting(inputs);
        if (registry != null) {
            JsonFiles.requireWellFormed(registry, "--registry");
        }
        if (OutputFiles.prepareFolder(output, "output folder") && !output.equals(DEFAULT_OUTPUT)) {
            err.println("provkit: created the output folder " + output);
        }
        Optional<BundleSigner> signer = signing.signer(err);
        BundleRequest request = new BundleRequest(inputs, output, name, bundleFormat, bagInfo.organization(),
                archivist != null ? archivist : System.getProperty("user.name", "archivist"), signer,
                epoch.time(), epoch.fixed(), registry,
                threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors(), fields);
        BundleResult result;
        try {
            result = new BundleService(ProgressBar.forOptions(global, err)).bundle(request);
        } catch (SourceChangedException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, e.getMessage() + "; no bundle was written, run again");
        }
        WarningLines.notes(result.notes()).forEach(err::println);
        WarningLines.of(result.warnings()).forEach(err::println);
        if (global.json) {
            Json.mapper().writeValue(out, json(result));
            out.println();
        } else if (!global.quiet) {
            Path cwd = Path.of("").toAbsolutePath();
            out.println("Bundle: " + (result.bundle().startsWith(cwd) ? cwd.relativize(result.bundle()) : result.bundle()));
            out.println(summary(result));
        }
        return strict && !result.warnings().isEmpty() ? ExitCode.PROBLEMS : ExitCode.OK;
    }

    /** seeds/, when there is one here; else the user must say what to bundle. */
    private static Path defaultSources() {
        if (!Files.exists(DEFAULT_SOURCES)) {
            throw ProvkitException.usage("no SOURCES given and no seeds/ folder in " + Path.of("").toAbsolutePath()
                    + ": name the files or folders to bundle, e.g. provkit bundle ~/articles");
        }
        return DEFAULT_SOURCES;
    }

    static String summary(BundleResult result) {
        StringBuilder line = new StringBuilder();
        line.append(result.documents()).append(result.documents() == 1 ? " document" : " documents")
                .append(", ").append(Sizes.human(result.sourceBytes())).append(" of sources, ")
                .append(result.payloadFiles()).append(" payload files (").append(Sizes.human(result.payloadBytes())).append("), ")
                .append(result.warnings().size()).append(result.warnings().size() == 1 ? " warning" : " warnings");
        if (result.signature() == null) {
            line.append("; unsigned");
        } else {
            line.append("; signed by ").append(result.signature().signerSubject());
            line.append(result.signature().timestamp() == null ? "; no timestamp (use --tsa URL for one)"
                    : "; timestamped " + result.signature().timestamp());
        }
        return line.toString();
    }

    private static ObjectNode json(BundleResult result) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("bundle", result.bundle().toString());
        node.put("name", result.name());
        node.put("format", result.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        node.put("documents", result.documents());
        node.put("sourceBytes", result.sourceBytes());
        node.put("payloadFiles", result.payloadFiles());
        node.put("payloadBytes", result.payloadBytes());
        ArrayNode warnings = node.putArray("warnings");
        result.warnings().forEach(w -> warnings.addObject().put("path", w.path()).put("message", w.message()));
        ArrayNode notes = node.putArray("notes");
        result.notes().forEach(n -> notes.addObject().put("path", n.path()).put("message", n.message()));
        node.put("signed", result.signature() != null);
        if (result.signature() != null) {
            node.put("signer", result.signature().signerSubject());
            node.put("fingerprint", result.signature().signerFingerprintSha256());
            node.put("timestamp", result.signature().timestamp() == null ? null : result.signature().timestamp().toString());
        } else {
            node.putNull("signer");
            node.putNull("fingerprint");
            node.putNull("timestamp");
        }
        return node;
    }

    /** The bagging time: SOURCE_DATE_EPOCH when set (reproducible builds convention), else now. */
    record SourceDateEpoch(Instant time, boolean fixed) {
        static SourceDateEpoch fromEnvironment() {
            String value = System.getenv("SOURCE_DATE_EPOCH");
            if (value == null || value.isBlank()) {
                return new SourceDateEpoch(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), false);
            }
            try {
                return new SourceDateEpoch(Instant.ofEpochSecond(Long.parseLong(value.strip())), true);
            } catch (NumberFormatException e) {
                throw ProvkitException.usage("SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds since 1970");
            }
        }
    }
}
