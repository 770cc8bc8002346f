package org.provkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.provkit.CliRun;

/** Only the command asked for is built; help, errors and nested commands behave as with all of them. */
class ProvkitCommandTest {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.inProcess("--help");
        assertThat(run.exitCode()).isZero();
        for (String command : new String[] {"bundle", "verify", "inspect", "audit", "search", "keys", "generate-completion"}) {
            assertThat(run.out()).contains("  " + command + " ");
        }
    }

    @Test
    void aCommandsOwnHelpAndANestedCommandStillWork() {
        CliRun verifyHelp = CliRun.inProcess("verify", "--help");
        assertThat(verifyHelp.exitCode()).isZero();
        assertThat(verifyHelp.out()).contains("Usage: provkit verify");
        CliRun keysHelp = CliRun.inProcess("keys", "generate", "--help");
        assertThat(keysHelp.exitCode()).isZero();
        assertThat(keysHelp.out()).contains("Usage: provkit keys generate");
    }

    @Test
    void noCommandOrAMisspeltOneIsAUsageError() {
        CliRun none = CliRun.inProcess();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required");
        CliRun misspelt = CliRun.inProcess("verfy", "x.tar");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("verfy").contains("provkit --help");
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        var cli = ProvkitCommand.commandLine(System.out, System.err, "verify", "x.tar");
        assertThat(cli.getSubcommands()).containsOnlyKeys("verify");
        assertThat(ProvkitCommand.commandLine(System.out, System.err, "--version").getSubcommands()).hasSize(9);
    }
}
