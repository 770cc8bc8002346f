package org.provkit.cli;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code provkit bundle}: placeholder until its issue lands. */
@Command(name = "bundle", mixinStandardHelpOptions = true, description = "(being built)")
public final class BundleCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        throw new ProvkitException(ExitCode.USAGE, "bundle is not available in this build yet");
    }
}
