package org.provkit.sign;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the default signing key lives: {@code dir/signing-key.pem} (PKCS#8 PEM) and
 * {@code dir/signing-cert.pem} (its certificate chain).
 *
 * <p>The folder is, in order: the system property {@value #DIR_PROPERTY} (for tests and embedding:
 * a JVM cannot change its own environment), {@code $XDG_CONFIG_HOME/provkit},
 * {@code $HOME/.config/provkit}, {@code ${user.home}/.config/provkit}. {@code HOME} comes before
 * {@code user.home} because the JVM takes {@code user.home} from the password database and ignores
 * {@code HOME}, and a user who sets {@code HOME} means it.
 */
public record KeyLocations(Path dir) {

    /** System property naming the key folder itself; beats every environment variable. */
    public static final String DIR_PROPERTY = "provkit.config.dir";
    public static final String KEY_FILE = "signing-key.pem";
    public static final String CERT_FILE = "signing-cert.pem";

    public Path keyFile() {
        return dir.resolve(KEY_FILE);
    }

    public Path certFile() {
        return dir.resolve(CERT_FILE);
    }

    public static KeyLocations fromEnvironment() {
        return resolve(System.getenv(), System.getProperties());
    }

    public static KeyLocations resolve(Map<String, String> env, Properties properties) {
        String explicit = properties.getProperty(DIR_PROPERTY);
        if (present(explicit)) {
            return new KeyLocations(Path.of(explicit).toAbsolutePath());
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if (present(xdg) && Path.of(xdg).isAbsolute()) {
            return new KeyLocations(Path.of(xdg, "provkit"));
        }
        String home = env.get("HOME");
        if (!present(home)) {
            home = properties.getProperty("user.home");
        }
        if (!present(home)) {
            throw new IllegalStateException("neither HOME nor user.home is set: cannot find the provkit key folder");
        }
        return new KeyLocations(Path.of(home, ".config", "provkit").toAbsolutePath());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
