package org.provkit.extract;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.provkit.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The child process of {@link ForkedExtractor}: reads one JSON request per line on standard input
 * ({@code {"file": …, "text": …}}), answers on standard output with a {@code detected} line, then an
 * {@code extraction} line. Whatever a parser does (hang, exhaust memory, crash) costs only this process.
 */
public final class ExtractionWorker {

    /** Starts every protocol line: the JVM itself may print on standard output (e.g. when out of memory). */
    static final String PREFIX = "@provkit ";

    private ExtractionWorker() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        // Parsers and libraries sometimes print; nothing but the protocol may reach the parent's pipe.
        System.setOut(System.err);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        long maxChars = args.length > 0 ? Long.parseLong(args[0]) : TextLimits.defaults().maxTextChars();
        TikaExtractor extractor = new TikaExtractor(new TextLimits(maxChars, Duration.ZERO));
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            JsonNode request = Json.mapper().readTree(line);
            Path file = Path.of(request.path("file").asText());
            Path text = Path.of(request.path("text").asText());
            ObjectNode detected = Json.mapper().createObjectNode().put("detected", extractor.detect(file));
            protocol.println(PREFIX + Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(detected));
            protocol.flush();
            ObjectNode response = Json.mapper().createObjectNode();
            try {
                response.set("extraction", Json.mapper().valueToTree(extractor.extract(file, text)));
            } catch (IOException | RuntimeException e) {
                response.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            protocol.println(PREFIX + Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(response));
            protocol.flush();
        }
    }
}
