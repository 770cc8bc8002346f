package org.provkit.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.ProvkitException;
import org.provkit.catalog.BundleFile;
import org.provkit.catalog.CollectionScanner;
import org.provkit.verify.BagVerifier;
import org.provkit.verify.Finding;
import org.provkit.verify.Severity;
import org.provkit.verify.SignatureChecker;
import org.provkit.verify.VerificationReport;
import org.provkit.verify.VerifyOptions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code provkit verify}: checks bundles and any BagIt bag; a line per target, findings, a summary. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify provkit bundles and BagIt bags (0.93 to 1.0): completeness, every checksum,"
                + " the signature and its timestamp.",
            "TARGET is a bag directory, .tar, .tar.gz/.tgz or .zip, or a folder of bundles (each is verified); archives "
                + "are read as a stream, never unpacked."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every target is valid (warnings are printed but allowed)",
            "1:a target is invalid or incomplete",
            "2:usage error",
            "3:a target could not be read at all (the others are still checked)"})
public final class VerifyCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @ParentCommand
    ProvkitCommand parent;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "Bundles or bags to verify, or folders of them.")
    List<Path> targets;

    @Option(names = "--trust", paramLabel = "CERT|DIR",
            description = "Require a signature by a certificate in this PEM file or folder (or issued by one).")
    Path trust;

    @Option(names = "--fast", description = "Check completeness, sizes, Payload-Oxum, tag checksums and the"
            + " signature, but not payload checksums.")
    boolean fast;

    @Option(names = "--completeness-only", description = "Check only that every listed file is present and every"
            + " payload file listed; no checksum.")
    boolean completenessOnly;

    @Option(names = {"-p", "--processes"}, paramLabel = "N", defaultValue = "1",
            description = "Verify N targets at once (default: ${DEFAULT-VALUE}; each already hashes on every core).")
    int processes;

    private record Outcome(Path target, VerificationReport report, String unreadable) {
    }

    @Override
    public Integer call() {
        if (trust != null && !Files.exists(trust)) {
            throw ProvkitException.usage("--trust " + trust + ": no such file or folder");
        }
        if (processes < 1) {
            throw ProvkitException.usage("--processes must be at least 1, not " + processes);
        }
        VerifyOptions options = new VerifyOptions(trust, fast, completenessOnly);
        PrintStream out = parent.out();
        PrintStream err = parent.err();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(processes, runnable -> {
            Thread thread = new Thread(runnable, "provkit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (Path target : expandFolders(targets, global.notes(err))) {
                running.add(pool.submit(() -> verifyOne(target, options, err)));
            }
            for (Future<Outcome> future : running) {
                Outcome outcome = await(future);
                outcomes.add(outcome);
                if (!global.json && (!global.quiet || !valid(outcome))) {
                    printText(out, outcome);
                    out.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (global.json) {
            printJson(out, outcomes);
        } else if (!global.quiet) {
            long valid = outcomes.stream().filter(VerifyCommand::valid).count();
            long unreadable = outcomes.stream().filter(o -> o.report() == null).count();
            out.println(outcomes.size() + " target(s): " + valid + " valid, " + (outcomes.size() - valid - unreadable)
                    + " invalid, " + unreadable + " unreadable");
        }
        if (trust == null && outcomes.stream().anyMatch(o -> o.report() != null && o.report().signed())) {
            // A valid signature proves the bag is as its signer left it; only a trust anchor says who that was.
            global.notes(err).println("provkit: note: signatures were checked against the certificates the bags carry;"
                    + " pass --trust CERT|DIR to require a signer you trust");
        }
        out.flush();
        if (outcomes.stream().anyMatch(o -> o.report() == null)) {
            return ExitCode.UNREADABLE;
        }
        return outcomes.stream().allMatch(o -> o.report().valid()) ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    /**
     * A folder that is no bag but holds bundles (archives/) stands for each of them; one that holds neither
     * is verified as given (and fails), with a word on what it is not.
     */
    private static List<Path> expandFolders(List<Path> targets, PrintStream notes) {
        List<Path> expanded = new ArrayList<>();
        for (Path target : targets) {
            if (!Files.isDirectory(target) || Files.exists(target.resolve("bagit.txt"))) {
                expanded.add(target);
                continue;
            }
            List<BundleFile> bundles = CollectionScanner.scan(target);
            if (bundles.isEmpty()) {
                notes.println("provkit: note: " + target + " holds no bagit.txt and no bundle: it is neither a bag nor a"
                        + " folder of bundles");
                expanded.add(target);
            } else {
                notes.println("provkit: " + target + " is a folder of " + bundles.size() + (bundles.size() == 1 ? " bundle" : " bundles")
                        + ": verifying each");
                bundles.forEach(bundle -> expanded.add(bundle.file()));
            }
        }
        return expanded;
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvkitException(ExitCode.UNREADABLE, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean valid(Outcome outcome) {
        return outcome.report() != null && outcome.report().valid();
    }

    private Outcome verifyOne(Path target, VerifyOptions options, PrintStream err) {
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();
        ProgressLine progress = global.progress() && processes == 1
                ? ProgressLine.start(err, target.getFileName().toString(), done, total) : null;
        try {
            return new Outcome(target, BagVerifier.verify(target, options, SignatureChecker.cms(), done, total), null);
        } catch (ProvkitException e) {
            if (e.exitCode() != ExitCode.UNREADABLE) {
                throw e;
            }
            return new Outcome(target, null, e.getMessage());
        } finally {
            if (progress != null) {
                progress.stop();
            }
        }
    }

    private static void printText(PrintStream out, Outcome outcome) {
        if (outcome.report() == null) {
            out.println("FAIL " + outcome.target());
            out.println("  E_UNREADABLE " + outcome.target() + ": " + outcome.unreadable());
            return;
        }
        VerificationReport report = outcome.report();
        if (report.valid()) {
            out.println("OK   " + outcome.target() + "  (" + summary(report) + ")");
        } else {
            out.println("FAIL " + outcome.target() + (report.complete() ? "" : "  (incomplete)"));
        }
        for (Finding finding : report.findings()) {
            out.println("  " + finding.code() + " " + (finding.path().isEmpty() ? "(bag)" : finding.path()) + ": "
                    + finding.message());
        }
    }

    private static String summary(VerificationReport report) {
        StringBuilder text = new StringBuilder();
        text.append(report.payloadFiles()).append(" files, ").append(report.payloadBytes()).append(" bytes");
        if (report.signed()) {
            text.append(", signed by ").append(report.signer());
            if (Boolean.TRUE.equals(report.trusted())) {
                text.append(", trusted");
            }
            if (report.timestamp() != null) {
                text.append(", timestamped ").append(report.timestamp());
            }
        } else {
            text.append(", unsigned");
        }
        switch (report.checks()) {
            case "fast" -> text.append("; fast check: payload checksums not computed");
            case "completeness" -> text.append("; completeness only: no checksum computed");
            default -> {
            }
        }
        return text.toString();
    }

    private static void printJson(PrintStream out, List<Outcome> outcomes) {
        ObjectNode document = Json.mapper().createObjectNode();
        ArrayNode array = document.putArray("targets");
        boolean allValid = true;
        for (Outcome outcome : outcomes) {
            ObjectNode node = array.addObject();
            node.put("target", outcome.target().toString());
            VerificationReport report = outcome.report();
            node.put("readable", report != null);
            node.put("valid", report != null && report.valid());
            node.put("complete", report != null && report.complete());
            node.put("signed", report != null && report.signed());
            node.put("signer", report == null ? null : report.signer());
            if (report == null || report.trusted() == null) {
                node.putNull("trusted");
            } else {
                node.put("trusted", report.trusted());
            }
            node.put("timestamp", report == null || report.timestamp() == null ? null : report.timestamp().toString());
            ArrayNode findings = node.putArray("findings");
            if (report == null) {
                addFinding(findings, new Finding("E_UNREADABLE", Severity.ERROR, "", outcome.unreadable()));
            } else {
                report.findings().forEach(f -> addFinding(findings, f));
            }
            node.put("payloadBytes", report == null ? 0 : report.payloadBytes());
            node.put("payloadFiles", report == null ? 0 : report.payloadFiles());
            node.put("bagitVersion", report == null ? null : report.bagitVersion());
            node.put("checks", report == null ? null : report.checks());
            allValid &= report != null && report.valid();
        }
        document.put("valid", allValid);
        try {
            Json.mapper().writeValue(out, document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
    }

    private static void addFinding(ArrayNode findings, Finding finding) {
        ObjectNode node = findings.addObject();
        node.put("code", finding.code());
        node.put("severity", finding.severity().name());
        node.put("path", finding.path());
        node.put("message", finding.message());
    }
}
