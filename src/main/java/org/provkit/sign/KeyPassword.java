package org.provkit.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/**
 * The password protecting a private key: the first line of {@code --password-file}, else the
 * {@value #ENV} environment variable, else none. Never printed, never logged.
 */
public final class KeyPassword {

    public static final String ENV = "PROVKIT_KEY_PASSWORD";

    private KeyPassword() {
    }

    public static Optional<char[]> resolve(Path passwordFile, Map<String, String> env) {
        if (passwordFile != null) {
            String text;
            try {
                text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ProvkitException(ExitCode.UNREADABLE, "cannot read password file " + passwordFile + ": " + Problems.reason(e), e);
            }
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (end == 0) {
                throw ProvkitException.usage("password file " + passwordFile + " is empty: its first line must be the key's password");
            }
            return Optional.of(text.substring(0, end).toCharArray());
        }
        String value = env.get(ENV);
        if (value != null && !value.isEmpty()) {
            return Optional.of(value.toCharArray());
        }
        return Optional.empty();
    }
}
