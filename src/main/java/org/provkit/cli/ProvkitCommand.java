package org.provkit.cli;

import java.io.PrintStream;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code provkit} command: only a list of subcommands. */
@Command(name = "provkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Signed, checksummed BagIt bundles of source documents, with their attribution chains.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the check found problems (invalid bundle, failed audit, warnings with --strict)",
            "2:usage error",
            "3:an input could not be read"},
        subcommands = {
            BundleCommand.class,
            VerifyCommand.class,
            InspectCommand.class,
            AuditCommand.class,
            SearchCommand.class,
            KeysCommand.class,
            AutoComplete.GenerateCompletion.class})
public final class ProvkitCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    public ProvkitCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Standard output as bytes (UTF-8), for commands that print JSON or reports. */
    public PrintStream out() {
        return out;
    }

    /** Standard error: logs, warnings, progress. */
    public PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (bundle, verify, inspect, audit, search, keys)");
    }
}
