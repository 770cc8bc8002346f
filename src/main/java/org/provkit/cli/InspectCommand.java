package org.provkit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.JsonFiles;
import org.provkit.bundle.Inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code provkit inspect}: what bundle would record, without packing. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what bundle would record for each file: media type, language, title, URLs, "
                + "attribution chain with its evidence, credits, missing assets, warnings.")
public final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    ProvkitCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files (or folders) to inspect.")
    List<Path> files;

    @Option(names = "--registry", paramLabel = "FILE", description = "Extra party registry (JSON) merged with the built-in one.")
    Path registry;

    @Option(names = "--metadata", description = "Also print every metadata key (always in --json).")
    boolean metadata;

    @Override
    public Integer call() throws IOException {
        if (registry != null) {
            JsonFiles.requireWellFormed(registry, "--registry");
        }
        List<ObjectNode> records;
        try (Inspector inspector = new Inspector(registry)) {
            records = inspector.inspect(files);
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

    /** A record as people read it. */
    static final class RecordText {
        private RecordText() {
        }

        static void print(JsonNode record, boolean withMetadata, PrintStream out) {
            out.println(record.path("path").asText());
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
