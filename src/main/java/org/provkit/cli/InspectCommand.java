package org.provkit.cli;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code provkit inspect}: placeholder until its issue lands. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "(being built)")
public final class InspectCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        throw new ProvkitException(ExitCode.USAGE, "inspect is not available in this build yet");
    }
}
