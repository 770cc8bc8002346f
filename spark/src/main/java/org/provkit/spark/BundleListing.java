package org.provkit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/** The bundles ({@code .tar}, {@code .tar.gz}, {@code .tgz}, {@code .zip}) under the inputs, and a trust file's bytes. */
final class BundleListing {

    private BundleListing() {
    }

    static boolean isBundle(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".zip");
    }

    /** Every bundle file under the inputs, skipping the job's own {@code _attempts/} and {@code _replaced/}. */
    static List<SourceEntry> list(Configuration conf, List<String> inputs) throws IOException {
        SourceLister lister = new SourceLister(conf);
        List<SourceEntry> bundles = new ArrayList<>();
        for (SourceEntry entry : lister.list(inputs).files()) {
            boolean internal = entry.recordedPath().contains("/_attempts/") || entry.recordedPath().contains("/_replaced/");
            if (isBundle(entry.fileName()) && !internal) {
                bundles.add(entry);
            }
        }
        if (bundles.isEmpty()) {
            throw new ProvkitException(ExitCode.UNREADABLE, "no bundles (.tar, .tar.gz, .zip) in " + inputs);
        }
        return bundles;
    }

    static byte[] read(Configuration conf, String uri) throws IOException {
        Path path = new Path(uri);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return in.readAllBytes();
        } catch (java.io.FileNotFoundException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, uri + ": no such file");
        }
    }
}
