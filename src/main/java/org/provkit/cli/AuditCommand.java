package org.provkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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
        description = {"Verify every bundle in DIR, index it in DIR/catalog.sqlite, and report integrity, signatures,",
            "attribution chains, lost assets and findings. Unchanged bundles are not verified again."},
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

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one CSV row per document to FILE.")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report to FILE.")
    Path html;

    @Option(names = "--trust", paramLabel = "CERT|DIR", description = "Trust anchors: a certificate or a folder of them.")
    Path trust;

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
        AuditService service = AuditService.withBagVerifier(trust);
        AuditReport report = service.run(new AuditService.Options(archives, trust, reindex, THREADS), progress());
        if (csv != null) {
            CsvReport.write(report, csv);
            parent.err().println("provkit: wrote " + csv);
        }
        if (html != null) {
            HtmlReport.write(report, html);
            parent.err().println("provkit: wrote " + html);
        }
        if (global.json) {
            JsonReport.write(report, parent.out());
        } else {
            TextReport.write(report, parent.out());
        }
        return report.exitCode(failOn == FailOn.WARNING);
    }

    private CatalogUpdater.Progress progress() {
        if (!global.progress()) {
            return CatalogUpdater.Progress.NONE;
        }
        return (bundle, done, total) -> {
            parent.err().print("\r\033[Kverified and indexed " + done + "/" + total + "  " + bundle.relativePath());
            if (done == total) {
                parent.err().println();
            }
            parent.err().flush();
        };
    }
}
