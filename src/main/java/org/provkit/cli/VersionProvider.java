package org.provkit.cli;

import org.provkit.ProvkitVersion;

import picocli.CommandLine.IVersionProvider;

/** {@code provkit --version}: the version from the jar manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"provkit " + ProvkitVersion.get(), "Java " + System.getProperty("java.version")};
    }
}
