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
            boolean[] announced = {false};
            java.util.function.Consumer<String> announce = type -> {
                if (!announced[0]) {
                    announced[0] = true;
                    send(protocol, Json.mapper().createObjectNode().put("detected", type));
                }
            };
            ObjectNode response = Json.mapper().createObjectNode();
            try {
                Extraction extraction = extractor.extract(file, text, announce);
                announce.accept(extraction.mediaType());
                response.set("extraction", Json.mapper().valueToTree(extraction));
            } catch (IOException | RuntimeException e) {
                announce.accept("application/octet-stream");
                response.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            send(protocol, response);
            giveBackMemory();
        }
    }

    /** A committed heap above this after a file is returned to the system (ChildMemory). */
    private static final long TRIM_ABOVE = 128L << 20;

    /**
     * After a file that grew the heap, a full collection lets the serial collector shrink it (by
     * MaxHeapFreeRatio): the child does not keep for the rest of the run the memory one large file needed.
     * About 50 ms, and only after such files.
     */
    private static void giveBackMemory() {
        if (Runtime.getRuntime().totalMemory() > TRIM_ABOVE) {
            System.gc();
        }
    }

    private static void send(PrintStream protocol, ObjectNode message) {
        try {
            protocol.println(PREFIX + Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        protocol.flush();
    }
}
