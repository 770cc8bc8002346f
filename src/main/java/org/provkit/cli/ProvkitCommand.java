package org.provkit.cli;

import java.io.PrintStream;
import java.util.List;

import picocli.AutoComplete;
import picocli.CommandLine;
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
            "3:an input could not be read"})
public final class ProvkitCommand implements Runnable {

    /**
     * The subcommands, in the order help lists them. They are added by {@link #commandLine}, not by the
     * annotation: building picocli's model of all of them took 85 ms of every run, the one command asked
     * for takes a fraction of that.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(BundleCommand.class, VerifyCommand.class, InspectCommand.class,
            ExtractCommand.class, AuditCommand.class, SearchCommand.class, KeysCommand.class, CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class);

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    public ProvkitCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that one is
     * built; otherwise (no command, options only, a misspelt command) all of them, so that help and
     * suggestions list every command.
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new ProvkitCommand(out, err));
        String first = args.length > 0 && !args[0].startsWith("-") ? args[0] : null;
        // "help COMMAND" needs the command it describes.
        boolean known = first != null && !first.equals("help") && SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
        for (Class<?> command : SUBCOMMANDS) {
            if (!known || nameOf(command).equals(first)) {
                cli.addSubcommand(command);
            }
        }
        everyCommand(cli);
        return cli;
    }

    /**
     * What every command shares: {@code -V} prints the version (each command lists it), help is as wide as
     * the terminal (at least 80 columns), and an option written with a wrong case of an enum value is taken.
     */
    private static void everyCommand(CommandLine command) {
        if (command.getCommandSpec().versionProvider() == null) {
            command.getCommandSpec().versionProvider(new VersionProvider());
        }
        command.setUsageHelpAutoWidth(true);
        command.setHelpFactory(WholeWordHelp::new);
        command.setUsageHelpLongOptionsMaxWidth(28);
        command.getSubcommands().values().forEach(ProvkitCommand::everyCommand);
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
        throw new ParameterException(spec.commandLine(),
                "a command is required (bundle, verify, inspect, extract, audit, search, keys, help)");
    }
}
