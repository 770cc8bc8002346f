package org.provkit.cli;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code provkit keys}: placeholder until its issue lands. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "(being built)")
public final class KeysCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        throw new ProvkitException(ExitCode.USAGE, "keys is not available in this build yet");
    }
}
