package org.provkit.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/**
 * Lists source files on any Hadoop file system (file, hdfs, s3a, ...) and gives each the path
 * {@code provkit bundle} would record for it: a folder's files under the folder's name, a file given
 * directly under its own name, a second input of the same name as {@code NAME-2}. Unlike Spark's
 * {@code binaryFile} source it keeps empty files and names starting with {@code .} or {@code _}. On the
 * local file system symbolic links are not followed (as {@code provkit bundle}); each file skipped is a note.
 */
public final class SourceLister {

    /** What was found, sorted by recorded path, and what was left out, one line each. */
    public record Listing(List<SourceEntry> files, List<String> notes) {
    }

    private final Configuration conf;

    public SourceLister(Configuration conf) {
        this.conf = conf;
    }

    /** The inputs of {@code --input} and, one a line, those in the {@code --input-list} files. */
    public List<String> inputs(List<String> inputs, List<String> inputLists) throws IOException {
        List<String> all = new ArrayList<>(inputs == null ? List.of() : inputs);
        for (String list : inputLists == null ? List.<String>of() : inputLists) {
            Path path = new Path(list);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    path.getFileSystem(conf).open(path), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        all.add(line.strip());
                    }
                }
            } catch (java.io.FileNotFoundException e) {
                throw new ProvkitException(ExitCode.UNREADABLE, list + ": no such input list");
            }
        }
        if (all.isEmpty()) {
            throw ProvkitException.usage("no input: give --input PATH or --input-list FILE");
        }
        return all;
    }

    public Listing list(List<String> inputs) throws IOException {
        List<SourceEntry> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> roots = new HashSet<>();
        for (String input : inputs) {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (java.io.FileNotFoundException e) {
                throw new ProvkitException(ExitCode.UNREADABLE, input + ": no such file or folder");
            }
            Path qualified = status.getPath();
            String root = uniqueRoot(qualified.getName().isEmpty() ? "root" : qualified.getName(), roots);
            if (status.isDirectory()) {
                walk(fs, qualified, root, files, notes);
            } else if (status.isFile() && !isLink(qualified) && !isSpecial(qualified)) {
                files.add(new SourceEntry(qualified.toString(), root, status.getLen()));
            } else {
                notes.add(input + ": not a regular file or folder: skipped");
            }
        }
        files.sort(Comparator.comparing(SourceEntry::recordedPath));
        return new Listing(List.copyOf(files), List.copyOf(notes));
    }

    /** listStatus folder by folder, not listFiles(recursive): much faster on local folders, the same elsewhere. */
    private static void walk(FileSystem fs, Path top, String root, List<SourceEntry> files, List<String> notes)
            throws IOException {
        Deque<Path> folders = new ArrayDeque<>();
        folders.push(top);
        String prefix = top.toUri().getPath();
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            for (FileStatus status : fs.listStatus(folder)) {
                Path path = status.getPath();
                String recorded = root + path.toUri().getPath().substring(prefix.length());
                if (isLink(path) || status.isSymlink()) {
                    notes.add(recorded + ": symbolic link: not followed, not bundled");
                } else if (status.isDirectory()) {
                    folders.push(path);
                } else if (status.isFile() && !isSpecial(path)) {
                    files.add(new SourceEntry(path.toString(), recorded, status.getLen()));
                } else {
                    notes.add(recorded + ": not a regular file (device, fifo or socket): skipped");
                }
            }
        }
    }

    /** Hadoop's local file system follows links; provkit never does. */
    private static boolean isLink(Path path) {
        return "file".equals(path.toUri().getScheme()) && Files.isSymbolicLink(java.nio.file.Path.of(path.toUri()));
    }

    /** Hadoop's local file system calls anything not a folder a file, fifos and devices too. */
    private static boolean isSpecial(Path path) {
        if (!"file".equals(path.toUri().getScheme())) {
            return false;
        }
        return !Files.isRegularFile(java.nio.file.Path.of(path.toUri()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static String uniqueRoot(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
