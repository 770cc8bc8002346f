package org.provkit.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.provkit.Json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The record of a container: its own fields ({@code head}) and the list of its members, which can be long (a
 * crawl of 20,000 pages), so it is kept in a file, one member per line, and streamed into the record when the
 * record is written.
 */
final class ContainerRecord {

    private final ObjectNode head;
    private final Path members;

    ContainerRecord(ObjectNode head, Path members) {
        this.head = head;
        this.members = members;
    }

    ObjectNode head() {
        return head;
    }

    /** Writes the record as JSON, the members list last. */
    void write(OutputStream out) throws IOException {
        try (JsonGenerator generator = Json.mapper().getFactory().createGenerator(out)) {
            // as Json.mapper() indents, with LF line ends everywhere
            generator.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n")));
            generator.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = head.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                generator.writeFieldName(field.getKey());
                generator.writeTree(field.getValue());
            }
            generator.writeArrayFieldStart("members");
            try (BufferedReader lines = Files.newBufferedReader(members, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    generator.writeTree(Json.mapper().readTree(line));
                }
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    /** The whole record in memory (for {@code inspect}, which prints it). */
    ObjectNode toObjectNode() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(out);
        return (ObjectNode) Json.mapper().readTree(out.toByteArray());
    }
}
