package org.provkit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.provkit.ExitCode;
import org.provkit.Json;
import org.provkit.OutputFiles;
import org.provkit.ProvkitException;
import org.provkit.bag.BagShape;
import org.provkit.retrieve.BundleIndex;
import org.provkit.retrieve.Extraction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code provkit extract BUNDLE [PATH...]}: originals or extracted texts out of a bundle, checked. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Take documents out of a bundle: their originals, byte for byte (or with --text their extracted "
                + "text), under the paths the bundle records them by.",
            "Each file is checked against the bundle's SHA-256 manifest before it gets its name; nothing is overwritten, "
                + "and names that would leave the output folder are refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:extracted", "1:the bundle is damaged or names an unsafe path (that file is not written)",
            "2:usage error (no such document, a file already there)", "3:the bundle could not be read or a file written"})
public final class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    ProvkitCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle (.tar, .tar.gz, .zip or folder).")
    Path bundle;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH",
            description = "Documents by their recorded path (seeds/000_6aef5a1f1f04ad71.txt), folders of them (seeds/), or "
                    + "any file of the bag (data/provenance.json); default: every document.")
    List<String> paths;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write into, created if need be (default: the current folder); - writes one file to "
                    + "standard output.")
    Path output;

    @Option(names = "--text", description = "The extracted text of each document (PATH.txt) instead of its original.")
    boolean text;

    @Override
    public Integer call() throws java.io.IOException {
        if (!BagShape.looksLikeBag(bundle)) {
            throw ProvkitException.usage(bundle + " is not a bundle (a BagIt bag as .tar, .tar.gz, .zip or folder)");
        }
        BundleIndex index = BundleIndex.read(bundle);
        List<Extraction.Item> items = Extraction.select(index, paths == null ? List.of() : paths, text);
        if (OutputFiles.isStandardStream(output)) {
            if (items.size() != 1) {
                throw ProvkitException.usage("-o - writes one file to standard output; " + items.size() + " were chosen");
            }
            Extraction.toStream(index, items.get(0), parent.out());
            return ExitCode.OK;
        }
        List<Path> written = Extraction.toFolder(index, items, output);
        if (global.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("bundle", bundle.toString());
            json.put("written", written.stream().map(Path::toString).toList());
            Json.mapper().writeValue(parent.out(), json);
            parent.out().println();
        } else if (!global.quiet) {
            Path here = Path.of("").toAbsolutePath();
            written.forEach(path -> parent.out().println(path.startsWith(here) ? here.relativize(path) : path));
            global.notes(parent.err()).println("provkit: " + written.size() + (written.size() == 1 ? " file" : " files")
                    + " extracted from " + bundle + ", each matching its checksum");
        }
        return ExitCode.OK;
    }
}
