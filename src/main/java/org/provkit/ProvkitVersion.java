package org.provkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * provkit's own version, from a resource the build writes beside this class. Not from the jar manifest:
 * inside another application's jar (the Spark jobs' shaded jar) the manifest is that application's, and
 * bundles must name the same software agent whichever jar made them.
 */
public final class ProvkitVersion {

    private static final String RESOURCE = "version.properties";
    private static final String VERSION = load();

    private ProvkitVersion() {
    }

    public static String get() {
        return VERSION;
    }

    /** The value of bag-info's Bag-Software-Agent and the PROV software agent. */
    public static String agent() {
        return "provkit " + get() + " <https://github.com/provkit/provkit>";
    }

    private static String load() {
        try (InputStream in = ProvkitVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "0.1.0-dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            // Unfiltered (an IDE that copies resources as they are): a development build says so.
            return version.isBlank() || version.startsWith("${") ? "0.1.0-dev" : version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
