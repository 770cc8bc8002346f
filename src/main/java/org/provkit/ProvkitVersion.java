package org.provkit;

/** provkit's own version, read from the jar manifest (a development build says so). */
public final class ProvkitVersion {

    private ProvkitVersion() {
    }

    public static String get() {
        String version = ProvkitVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-dev";
    }

    /** The value of bag-info's Bag-Software-Agent and the PROV software agent. */
    public static String agent() {
        return "provkit " + get() + " <https://github.com/provkit/provkit>";
    }
}
