package org.provkit.extract;

import java.util.regex.Pattern;

/** Turns what parsers throw into sentences for archivists: no class names, no stack traces. */
final class ParserMessages {

    private static final Pattern CLASS_PREFIX = Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");
    private static final Pattern OBJECT_HASH = Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+([A-Z][\\w$]*)@[0-9a-f]+");

    private ParserMessages() {
    }

    static String humanize(String raw) {
        if (raw == null || raw.isBlank()) {
            return "the parser gave no reason";
        }
        String first = raw.strip().lines().findFirst().orElse("");
        if (first.contains("TIKA-237") || first.contains("Suspected zip bomb")) {
            return "embedded documents nested too deeply or expanding too much (a zip bomb?): extraction stopped there";
        }
        String message = OBJECT_HASH.matcher(first).replaceAll("$1");
        message = CLASS_PREFIX.matcher(message).replaceAll("").strip();
        if (message.isEmpty()) {
            message = "the parser failed without a message";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
