package org.provkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/** Checks a JSON file a user hands over (a party registry) and says in one line where it is broken. */
public final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * Reads {@code file} token by token (never whole into memory).
     *
     * @param label how the user gave it, e.g. "--registry"
     * @throws ProvkitException exit 3 when the file cannot be read or is not well-formed JSON
     */
    public static void requireWellFormed(Path file, String label) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Json.mapper().createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ProvkitException(ExitCode.UNREADABLE, label + " " + file + ": empty, not JSON");
            }
            while (parser.nextToken() != null) {
                // reading to the end is the check
            }
        } catch (JsonProcessingException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, label + " " + file + ": not valid JSON" + where(e.getLocation())
                    + ": " + problem(e), e);
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, label + " " + file + ": " + Failures.reason(e), e);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's reason without its location notes (which name an internal "Source: REDACTED"). */
    static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        message = (newline < 0 ? message : message.substring(0, newline)).replaceAll("\\s*\\(start marker at \\[[^]]*]\\)", "")
                .replaceAll("\\s*\\[Source:[^]]*]", "").strip();
        if (message.startsWith("Unexpected end-of-input")) {
            return "the file ends too early (cut short?)" + (message.contains(":") ? ", " + message.substring(message.indexOf(':') + 1).strip() : "");
        }
        return message.isEmpty() ? "unreadable" : message;
    }
}
