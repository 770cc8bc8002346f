package org.provkit.sign;

/** Turns exceptions into the short reasons that end a one-line message. */
final class Problems {

    private Problems() {
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        if (root instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (root instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
