package org.provkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.ExitCode;
import org.provkit.TestFiles;
import org.provkit.audit.AuditTestCollections;

/**
 * Every user mistake and environment failure of the issue "The CLI an archivist expects": one plain line
 * naming what and where, the documented exit code, no Java trace, and nothing written where nothing belongs.
 */
class PlainErrorsTest {

    @TempDir
    Path tmp;

    private Map<String, String> isolatedKeys() {
        return Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString(), "HOME", tmp.resolve("home").toString());
    }

    @Test
    void bundleIntoAFileIsAUsageErrorNamingIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("bundle.tar"), "not a folder");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", file.toString(), "--no-sign");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains(file.toString()).contains("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void bundleIntoDevNullIsAUsageError() {
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", "/dev/null", "--no-sign");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("/dev/null").contains("not a folder");
    }

    @Test
    void aMissingOutputFolderIsCreatedAndSaidSo() throws IOException {
        Path folder = tmp.resolve("new/nested/archives");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", folder.toString(), "--no-sign");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("created the output folder " + folder);
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".tar");
        }
    }

    @Test
    void anOutputFolderUnderAFileCannotBeMade() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", file.resolve("archives").toString(), "--no-sign");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains(file + " is a file");
    }

    @Test
    void anUnwritableOutputFolderStopsBeforeAnyWorkAndBeforeAKeyIsMade() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("shelf"));
        CliRun run = CliRun.childWithReadOnly(folder, tmp, isolatedKeys(), "bundle", TestFiles.seeds().toString(), "-o",
                folder.toString());
        assumeThat(run).as("a folder can be made read-only here").isNotNull();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("cannot write in the output folder " + folder).containsAnyOf("read-only", "permission denied");
        assertThat(tmp.resolve("config")).doesNotExist();
    }

    @Test
    void auditReportsIntoAMissingFolderStopBeforeTheAudit() throws IOException {
        Path archives = AuditTestCollections.sample(tmp.resolve("archives"));
        for (String option : List.of("--html", "--csv")) {
            Path report = tmp.resolve("nowhere/report.out");
            CliRun run = CliRun.inProcess("audit", archives.toString(), option, report.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNREADABLE);
            assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
            assertThat(run.err()).contains(option + " " + report).contains("no folder " + tmp.resolve("nowhere"));
        }
        assertThat(archives.resolve("catalog.sqlite")).doesNotExist();
    }

    @Test
    void anAuditReportCannotBeAFolder() throws IOException {
        Path archives = AuditTestCollections.sample(tmp.resolve("archives"));
        CliRun run = CliRun.inProcess("audit", archives.toString(), "--html", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("is a folder");
    }

    @Test
    void aCutShortRegistryIsOneLineWithWhereItBreaks() throws IOException {
        Path registry = Files.writeString(tmp.resolve("registry.json"), "{\"parties\": [\n  {\"name\": \"Prensa");
        for (List<String> args : List.of(
                List.of("bundle", TestFiles.seeds().toString(), "--no-sign", "-o", tmp.resolve("out").toString()),
                List.of("inspect", TestFiles.seeds().toString()))) {
            List<String> withRegistry = new java.util.ArrayList<>(args);
            withRegistry.addAll(List.of("--registry", registry.toString()));
            CliRun run = CliRun.inProcess(withRegistry.toArray(String[]::new));
            assertThat(run.exitCode()).isEqualTo(ExitCode.UNREADABLE);
            assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
            assertThat(run.err()).contains("--registry " + registry).contains("not valid JSON at line 2")
                    .contains("ends too early").doesNotContain("REDACTED");
        }
        assertThat(tmp.resolve("out")).doesNotExist();
        CliRun debug = CliRun.inProcess("inspect", TestFiles.seeds().toString(), "--registry", registry.toString(), "--debug");
        assertThat(debug.err()).as("--debug adds the trace").contains("\tat ");
    }

    @Test
    void runningOutOfMemoryInABackgroundThreadIsOneLineWithTheWayOut() throws Exception {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.copy(TestFiles.seeds().resolve("000_6aef5a1f1f04ad71.txt"), seeds.resolve("a.txt"));
        CliRun run = CliRun.childWithJvm(tmp, isolatedKeys(), List.of("-Xmx24m", "-XX:+UseSerialGC"), "bundle", "--no-sign");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("out of memory").contains("PROVKIT_JAVA_OPTS=-Xmx");
        assertThat(tmp.resolve("archives")).isEmptyDirectory();
    }

    @Test
    void aMisspeltCommandOrOptionGetsASuggestion() {
        CliRun command = CliRun.inProcess("bundel");
        assertThat(command.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(command.errIsOnePlainLine()).as(command.err()).isTrue();
        assertThat(command.err()).contains("unknown command 'bundel'").contains("did you mean 'bundle'");
        CliRun option = CliRun.inProcess("bundle", "--foramt", "zip");
        assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(option.err()).contains("unknown option '--foramt'").contains("did you mean '--format'")
                .contains("provkit bundle --help");
    }

    @Test
    void bundleWithNoSourcesInAFolderWithoutSeedsSaysWhatToDo() throws Exception {
        CliRun run = CliRun.child(tmp, isolatedKeys(), "bundle");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("no SOURCES given and no seeds/ folder");
        assertThat(tmp.resolve("archives")).doesNotExist();
        assertThat(tmp.resolve("config")).doesNotExist();
    }
}
