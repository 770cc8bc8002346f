package org.provkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.provkit.OutputFiles;
import org.provkit.ProvkitException;
import org.provkit.audit.AuditReport;
import org.provkit.audit.AuditService;
import org.provkit.audit.CsvReport;
import org.provkit.audit.HtmlReport;
import org.provkit.audit.JsonReport;
import org.provkit.audit.TextReport;
import org.provkit.catalog.CatalogUpdater;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code provkit audit}: verify and index every bundle of a folder, then report on the collection. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Verify every bundle in DIR, index it in a catalog (DIR/catalog.sqlite, or --catalog FILE), and report "
                + "integrity, signatures, attribution chains, lost assets and findings.",
            "Unchanged bundles are not verified again. Nothing is written in a folder that holds no bundle."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at the --fail-on level", "1:a bundle failed integrity (or, with --fail-on warning, any finding)",
            "2:usage error", "3:the folder or the catalog could not be read"})
public final class AuditCommand implements Callable<Integer> {

    /** The least severe finding that makes the audit fail. */
    public enum FailOn { ERROR, WARNING }

    static final int THREADS = 2;

    @ParentCommand
    ProvkitCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "archives",
            description = "Folder of bundles (default: ${DEFAULT-VALUE}).")
    Path archives;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one CSV row per document to FILE (- for standard output).")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report to FILE (- for standard output).")
    Path html;

    @Option(names = "--trust", paramLabel = "CERT|DIR", description = "Trust anchors: a certificate or a folder of them.")
    Path trust;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Keep the catalog in FILE instead of DIR/catalog.sqlite "
            + "(for bundles on read-only storage, or to keep derived data apart).")
    Path catalog;

    @Option(names = "--reindex", description = "Rebuild the catalog: verify and read every bundle again.")
    boolean reindex;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 on findings of this level or worse: error (default) or warning.")
    FailOn failOn;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(archives)) {
            throw ProvkitException.unreadable("no folder " + archives + " (bundle something first, or name the folder of bundles)", null);
        }
        if (trust != null && !Files.exists(trust)) {
            throw ProvkitException.usage("--trust " + trust + ": no such file or folder");
        }
        checkOutputs();
        AuditService service = AuditService.withBagVerifier(trust);
        AuditReport report = service.run(new AuditService.Options(archives, trust, reindex, THREADS, catalog), progress());
        if (csv != null) {
            write(csv, out -> CsvReport.write(report, out));
        }
        if (html != null) {
            write(html, out -> HtmlReport.write(report, out));
        }
        if (global.json) {
            JsonReport.write(report, parent.out());
        } else if (!global.quiet && !OutputFiles.isStandardStream(csv) && !OutputFiles.isStandardStream(html)) {
            TextReport.write(report, parent.out());
        }
        return report.exitCode(failOn == FailOn.WARNING);
    }

    /** The report files can be written (checked before the audit's work); at most one output takes stdout. */
    private void checkOutputs() {
        int toStdout = (global.json ? 1 : 0) + (OutputFiles.isStandardStream(csv) ? 1 : 0) + (OutputFiles.isStandardStream(html) ? 1 : 0);
        if (toStdout > 1) {
            throw ProvkitException.usage("only one of --json, --csv - and --html - can use standard output");
        }
        if (csv != null) {
            OutputFiles.checkFile(csv, "--csv");
        }
        if (html != null) {
            OutputFiles.checkFile(html, "--html");
        }
    }

    private void write(Path file, OutputFiles.Content content) throws IOException {
        if (OutputFiles.isStandardStream(file)) {
            content.writeTo(parent.out());
            parent.out().flush();
            return;
        }
        OutputFiles.writeAtomically(file, content);
        global.notes(parent.err()).println("provkit: wrote " + file);
    }

    private CatalogUpdater.Progress progress() {
        if (!global.progress()) {
            return CatalogUpdater.Progress.NONE;
        }
        long started = System.nanoTime();
        return (bundle, done, total) -> {
            double seconds = (System.nanoTime() - started) / 1e9;
            String eta = seconds >= 2 && done < total ? "  ETA " + ProgressBar.duration(seconds * (total - done) / done) : "";
            parent.err().print("\r\033[Kverified and indexed " + done + "/" + total + " bundles" + eta + "  " + bundle.relativePath());
            if (done == total) {
                parent.err().print("\r\033[K");
            }
            parent.err().flush();
        };
    }
}
