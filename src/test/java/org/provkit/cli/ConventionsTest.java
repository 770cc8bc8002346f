package org.provkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.ExitCode;
import org.provkit.ProvkitVersion;
import org.provkit.TestFiles;
import org.provkit.catalog.TestBundles;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** picocli's conventions, on every command: -V, a help command, help in whole lines. */
class ConventionsTest {

    /** Every command and subcommand, by its qualified name. */
    static Map<String, CommandLine> everyCommand() {
        Map<String, CommandLine> all = new java.util.LinkedHashMap<>();
        collect(ProvkitCommand.commandLine(System.out, System.err, "--help"), all);
        return all;
    }

    private static void collect(CommandLine command, Map<String, CommandLine> all) {
        all.put(command.getCommandSpec().qualifiedName(), command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    @Test
    void everyCommandPrintsTheVersionWithDashV() {
        for (String command : everyCommand().keySet()) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
            if (args.contains("help") || args.contains("generate-completion")) {
                continue;
            }
            args.add("-V");
            CliRun run = CliRun.inProcess(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("provkit " + ProvkitVersion.get());
        }
    }

    @Test
    void helpCommandDescribesACommandAndListsThemAll() {
        CliRun bundle = CliRun.inProcess("help", "bundle");
        assertThat(bundle.exitCode()).isZero();
        assertThat(bundle.out()).startsWith("Usage: provkit bundle");
        CliRun all = CliRun.inProcess("help");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("  bundle ").contains("  help ");
        CliRun unknown = CliRun.inProcess("help", "bundel");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.errIsOnePlainLine()).as(unknown.err()).isTrue();
    }

    /**
     * At 80 columns, no word of any description is split across lines, and each description paragraph is a
     * whole sentence (a sentence split over two paragraphs was printed as two cut lines).
     */
    @Test
    void helpKeepsWordsAndSentencesWhole() {
        for (Map.Entry<String, CommandLine> entry : everyCommand().entrySet()) {
            CommandLine command = entry.getValue();
            CommandSpec spec = command.getCommandSpec();
            if (spec.userObject() instanceof CommandLine.HelpCommand || entry.getKey().endsWith("generate-completion")) {
                continue;
            }
            command.setUsageHelpAutoWidth(false);
            command.setUsageHelpWidth(80);
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (ArgSpec arg : spec.args()) {
                texts.addAll(List.of(arg.description()));
            }
            String flattened = help.replaceAll("\\s+", " ");
            for (String text : texts) {
                String expanded = text.replace("${DEFAULT-VALUE}", "");
                for (String word : expanded.split("\\s+")) {
                    if (!word.isEmpty() && !word.contains("${")) {
                        assertThat(help).as(entry.getKey() + ": the word '" + word + "' is split").contains(word);
                    }
                }
            }
            for (String paragraph : spec.usageMessage().description()) {
                assertThat(paragraph.strip()).as(entry.getKey() + ": a whole sentence").matches("(?s).*[.:)]$");
            }
            assertThat(flattened).isNotEmpty();
        }
    }

    @Test
    void quietLeavesOnlyErrorsAndTheResultsAskedFor(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("archives");
        CliRun bundle = CliRun.inProcess("bundle", "-q", TestFiles.seeds().toString(), "-o", out.toString(), "--no-sign");
        assertThat(bundle.exitCode()).as(bundle.err()).isZero();
        assertThat(bundle.out() + bundle.err()).isEmpty();
        Path tar;
        try (var listing = Files.list(out)) {
            tar = listing.findFirst().orElseThrow();
        }

        CliRun verify = CliRun.inProcess("verify", "--quiet", GOLDEN.toString(), tar.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out() + verify.err()).as("valid targets and the trust note are not printed").isEmpty();
        Path damaged = Files.copy(GOLDEN, tmp.resolve("damaged.tar"));
        TestBundles.flipByteNear(damaged, "inconditionnel");
        CliRun failing = CliRun.inProcess("verify", "-q", GOLDEN.toString(), damaged.toString());
        assertThat(failing.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(failing.out()).startsWith("FAIL " + damaged).contains("E_CHECKSUM").doesNotContain("OK ")
                .doesNotContain("target(s)");

        CliRun audit = CliRun.inProcess("audit", "-q", out.toString());
        assertThat(audit.exitCode()).isZero();
        assertThat(audit.out() + audit.err()).isEmpty();
        CliRun auditJson = CliRun.inProcess("audit", "-q", "--json", out.toString());
        assertThat(auditJson.out()).startsWith("{");
    }

    @Test
    void verifyWithoutTrustSaysWhatTheSignatureDoesNotProve() {
        CliRun plain = CliRun.inProcess("verify", GOLDEN.toString());
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.err()).contains("pass --trust CERT|DIR to require a signer you trust");
        CliRun trusted = CliRun.inProcess("verify", GOLDEN.toString(), "--trust", GOLDEN.resolveSibling("signer-cert.pem").toString());
        assertThat(trusted.exitCode()).as(trusted.out()).isZero();
        assertThat(trusted.err()).doesNotContain("--trust");
    }

    static final Path GOLDEN = Path.of("src/test/resources/golden/v2/seeds-format-v2.tar");
}
