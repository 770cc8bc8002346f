package org.provkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.JsonFiles;
import org.provkit.OutputFiles;
import org.provkit.bag.BagShape;
import org.provkit.bundle.SourceFile;
import org.provkit.retrieve.BundleEntries;
import org.provkit.retrieve.BundleIndex;
import org.provkit.bundle.Inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code provkit inspect}: what bundle would record for each file, without packing; for a bundle, the records
 * it holds.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what bundle would record for each file: media type, language, title, URLs, "
                + "attribution chain with its evidence, credits, missing assets, warnings.",
            "For a bundle (.tar, .tar.gz, .zip or bag folder), show the records it holds instead: what was recorded "
                + "when it was made. - reads one document from standard input."})
public final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    ProvkitCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files or folders to inspect, bundles to read, or - for "
            + "standard input.")
    List<Path> files;

    @Option(names = "--registry", paramLabel = "FILE", description = "Extra party registry (JSON) merged with the built-in one.")
    Path registry;

    @Option(names = "--metadata", description = "Also print every metadata key (always in --json).")
    boolean metadata;

    @Option(names = "--text", description = "Also print each document's extracted text (in --json: a text field).")
    boolean text;

    /** Texts longer than this are cut in the output (the bundle or the file keeps all of it). */
    static final int MAX_TEXT_BYTES = 64 * 1024 * 1024;

    @Override
    public Integer call() throws IOException {
        if (registry != null) {
            JsonFiles.requireWellFormed(registry, "--registry");
        }
        List<Path> sources = new ArrayList<>();
        List<Path> bundles = new ArrayList<>();
        boolean stdin = false;
        for (Path file : files) {
            if (OutputFiles.isStandardStream(file)) {
                stdin = true;
            } else if (BagShape.looksLikeBag(file)) {
                bundles.add(file);
            } else {
                sources.add(file);
            }
        }
        List<ObjectNode> records = new ArrayList<>();
        if (!sources.isEmpty() || stdin) {
            try (Inspector inspector = new Inspector(registry)) {
                if (!sources.isEmpty()) {
                    records.addAll(inspector.inspect(sources, this::withText));
                }
                if (stdin) {
                    records.addAll(inspectStandardInput(inspector));
                }
            }
        }
        for (Path bundle : bundles) {
            records.addAll(bundleRecords(bundle));
        }
        PrintStream out = parent.out();
        if (global.json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.putArray("documents").addAll(records);
            Json.mapper().writeValue(out, root);
            out.println();
        } else {
            for (ObjectNode record : records) {
                RecordText.print(record, metadata, out);
            }
        }
        return ExitCode.OK;
    }

    /** With --text, the extracted text goes into the record (a field the printer shows last). */
    private void withText(ObjectNode record, Path textFile) throws IOException {
        if (text) {
            record.put("text", Files.isRegularFile(textFile) ? read(Files.newInputStream(textFile)) : "");
        }
    }

    private List<ObjectNode> inspectStandardInput(Inspector inspector) throws IOException {
        Path folder = Files.createTempDirectory("provkit-stdin-");
        Path file = folder.resolve("stdin");
        try {
            Files.copy(System.in, file);
            return inspector.inspectFiles(List.of(new SourceFile(file, "-", Files.size(file))), this::withText);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    /** A bundle's own records, each with the bundle it came from (and with --text its extracted text). */
    private List<ObjectNode> bundleRecords(Path bundle) {
        BundleIndex index = BundleIndex.read(bundle);
        List<ObjectNode> records = new ArrayList<>();
        Map<String, ObjectNode> byText = new HashMap<>();
        for (ObjectNode record : index.records()) {
            ObjectNode copy = record.deepCopy();
            copy.put("bundle", bundle.toString());
            records.add(copy);
            byText.put(BundleIndex.textPath(record), copy);
        }
        if (text) {
            BundleEntries.forEach(bundle, byText.keySet(), (path, content) -> byText.get(path).put("text", read(content)));
        }
        return records;
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readNBytes(MAX_TEXT_BYTES), StandardCharsets.UTF_8);
        }
    }

    /** A record as people read it. */
    static final class RecordText {
        private RecordText() {
        }

        static void print(JsonNode record, boolean withMetadata, PrintStream out) {
            out.println(record.path("path").asText() + (record.path("bundle").isTextual()
                    ? "  (recorded in " + record.path("bundle").asText() + ")" : ""));
            out.println("  " + record.path("mediaType").asText() + ", " + record.path("bytes").asLong() + " bytes"
                    + (record.path("language").isTextual() ? ", language " + record.path("language").asText() : ", language unknown"));
            if (record.path("title").isTextual()) {
                out.println("  title: " + record.path("title").asText());
            }
            out.println("  sha256: " + record.path("sha256").asText());
            if (record.path("container").isTextual()) {
                out.println("  in: " + record.path("container").asText() + " (" + member(record.path("member")) + ")");
            }
            JsonNode capture = record.path("capture");
            if (capture.isObject()) {
                out.println("  captured: " + capture.path("url").asText() + " at " + capture.path("date").asText("an unknown time")
                        + (capture.path("httpStatus").isNumber() ? ", HTTP " + capture.path("httpStatus").asInt() : "")
                        + (capture.path("crawler").path("software").isTextual() ? ", by " + capture.path("crawler").path("software").asText() : ""));
            }
            if (record.path("members").isArray()) {
                out.println("  " + record.path("contents").path("format").asText() + " of " + record.path("members").size() + " members");
            }
            for (JsonNode url : record.path("urls")) {
                if (!"mentioned".equals(url.path("role").asText()) || record.path("urls").size() <= 5) {
                    out.println("  url: " + url.path("url").asText() + " (" + url.path("role").asText() + ")");
                }
            }
            JsonNode chain = record.path("attribution").path("chain");
            if (chain.isEmpty()) {
                out.println("  chain: none found");
            } else {
                StringBuilder names = new StringBuilder();
                for (JsonNode hop : chain) {
                    if (names.length() > 0) {
                        names.append(" → ");
                    }
                    names.append(hop.path("party").asText());
                }
                out.println("  chain: " + names);
                for (JsonNode hop : chain) {
                    out.println("    " + hop.path("party").asText() + " (" + hop.path("role").asText() + ")");
                    for (JsonNode evidence : hop.path("evidence")) {
                        out.println("      " + evidence(evidence));
                    }
                }
            }
            for (JsonNode credit : record.path("credits")) {
                out.println("  credit: " + credit.path("asset").asText() + " — " + credit.path("party").asText()
                        + "  (" + evidence(credit.path("evidence")) + ")");
            }
            for (JsonNode missing : record.path("missingAssets")) {
                out.println("  missing " + missing.path("kind").asText() + ": \"" + missing.path("marker").asText() + "\""
                        + (missing.path("line").isNumber() ? " line " + missing.path("line").asInt() : "")
                        + (missing.path("reason").isTextual() ? " (" + missing.path("target").asText() + ": " + missing.path("reason").asText() + ")" : "")
                        + (missing.path("credit").isTextual() ? " (credit: " + missing.path("credit").asText() + ")" : ""));
            }
            for (JsonNode warning : record.path("warnings")) {
                out.println("  warning: " + warning.asText());
            }
            if (withMetadata) {
                record.path("metadata").fields().forEachRemaining(field ->
                        out.println("  meta " + field.getKey() + ": " + field.getValue()));
            }
            if (record.path("text").isTextual()) {
                out.println("  text:");
                record.path("text").asText().lines().forEach(line -> out.println("    " + line));
            }
            out.println();
        }

        /** A member's identity as a person reads it: its entry name, or its record ID and offset. */
        private static String member(JsonNode member) {
            if (member.path("recordId").isTextual()) {
                return member.path("recordType").asText("record") + " " + member.path("recordId").asText() + " at offset "
                        + member.path("offset").asLong();
            }
            if (member.path("messageId").isTextual()) {
                return "message " + member.path("messageId").asText() + " at offset " + member.path("offset").asLong();
            }
            return "entry " + member.path("entryName").asText(member.path("name").asText());
        }

        private static String evidence(JsonNode evidence) {
            StringBuilder text = new StringBuilder();
            if (evidence.path("text").isTextual()) {
                text.append('"').append(evidence.path("text").asText()).append('"');
            }
            if (evidence.path("line").isNumber()) {
                text.append(" line ").append(evidence.path("line").asInt());
                if ("markup".equals(evidence.path("in").asText())) {
                    text.append(" of the markup");
                }
            }
            if (evidence.path("field").isTextual()) {
                text.append(text.length() > 0 ? " " : "").append("[").append(evidence.path("field").asText()).append("]");
            }
            return text.toString().strip();
        }
    }
}
