package org.provkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.provkit.extract.TextLimits;
import org.provkit.extract.TikaExtractor;

/**
 * The run the launcher records a class-data-sharing archive from (once after each build): it makes a
 * throwaway key, bundles a folder, verifies the bundle, inspects a file, all in one JVM, so the archive
 * holds the classes of every command (Tika's parsers and detectors, BouncyCastle, Commons Compress,
 * Jackson, picocli) and each later run loads them already parsed and verified. Writes only to a
 * temporary folder, which it removes; never touches the user's key.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=ARCHIVE -cp provkit.jar org.provkit.CdsTraining SOURCES}
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args.length > 0 ? args[0] : "seeds");
        Path work = Files.createTempDirectory("provkit-cds");
        // PDFBox keeps a cache of the system's fonts in the user's home; a training run leaves nothing behind.
        System.setProperty("pdfbox.fontcache", work.toString());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try {
            Path key = work.resolve("key");
            Main.run(quiet, quiet, "keys", "generate", "--out", key.toString());
            Main.run(quiet, quiet, "bundle", sources.toString(), "-o", work.resolve("out").toString(), "--name", "training",
                    "--key", key.resolve("signing-key.pem").toString(), "--cert", key.resolve("signing-cert.pem").toString(),
                    "--no-progress");
            Main.run(quiet, quiet, "verify", "--no-progress", work.resolve("out").resolve("training.tar").toString());
            try (Stream<Path> files = Files.list(sources)) {
                files.filter(Files::isRegularFile).findFirst()
                        .ifPresent(file -> Main.run(quiet, quiet, "inspect", file.toString()));
            }
            Main.run(quiet, quiet, "inspect", TrainingDocuments.webPage(work.resolve("page")).toString());
            extractOtherFormats(work);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Formats that bundle parses in child JVMs are parsed here, in this JVM, so their parsers' classes are
     * in the archive the children load too. A failure only leaves those classes out.
     */
    private static void extractOtherFormats(Path work) {
        try {
            TikaExtractor extractor = new TikaExtractor(TextLimits.defaults());
            for (Path document : TrainingDocuments.write(work.resolve("formats"))) {
                try {
                    extractor.extract(document, work.resolve(document.getFileName() + ".txt"));
                } catch (IOException | RuntimeException | LinkageError e) {
                    // that format's classes are left out of the archive
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // no other formats in the archive
        }
    }
}
