package org.provkit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.provkit.bag.ChecksumAlgorithm;

/**
 * The few file operations the jobs need on any Hadoop file system. The core reads and writes local
 * files: a file on the local file system is used in place, any other is copied to a local folder first.
 */
public final class HadoopFiles {

    private final Configuration conf;

    public HadoopFiles(Configuration conf) {
        this.conf = conf;
    }

    public FileSystem fs(Path path) throws IOException {
        return path.getFileSystem(conf);
    }

    public static boolean isLocal(Path path) {
        return "file".equals(path.toUri().getScheme());
    }

    public static java.nio.file.Path local(Path path) {
        return java.nio.file.Path.of(path.toUri());
    }

    /**
     * The file as a local path: itself on the local file system, else a copy in {@code folder} under the
     * file's own name (parsers record the name they were given).
     */
    public java.nio.file.Path localCopy(Path path, java.nio.file.Path folder) throws IOException {
        if (isLocal(path)) {
            return local(path);
        }
        java.nio.file.Path copy = Files.createDirectories(folder).resolve(path.getName());
        try (InputStream in = fs(path).open(path)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    /** Puts a local file at {@code target} (any file system); on the local one a plain move. */
    public void upload(java.nio.file.Path file, Path target) throws IOException {
        FileSystem fs = fs(target);
        fs.mkdirs(target.getParent());
        if (isLocal(target)) {
            Files.move(file, local(target));
            return;
        }
        try (InputStream in = Files.newInputStream(file); OutputStream out = fs.create(target, false)) {
            in.transferTo(out);
        }
    }

    /** Hex SHA-512 of a file on any file system. */
    public String sha512(Path path) throws IOException {
        MessageDigest digest = ChecksumAlgorithm.SHA512.newDigest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = fs(path).open(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public void writeAtomically(Path target, byte[] bytes) throws IOException {
        FileSystem fs = fs(target);
        Path temp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (OutputStream out = fs.create(temp, true)) {
            out.write(bytes);
        }
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            throw new IOException("cannot rename " + temp + " to " + target);
        }
    }
}
