package org.provkit.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/** Opens a verification target by what it is (content, not name): directory, tar, tar.gz or zip. */
public final class BagSources {

    private BagSources() {
    }

    /**
     * @throws ProvkitException exit code 3 when the target is missing, unreadable, or none of the four forms
     */
    public static BagSource open(Path target, ArchiveLimits limits) {
        if (Files.isDirectory(target)) {
            if (!Files.isReadable(target)) {
                throw new ProvkitException(ExitCode.UNREADABLE, target + ": directory cannot be read");
            }
            return new DirectorySource(target);
        }
        if (!Files.exists(target)) {
            throw new ProvkitException(ExitCode.UNREADABLE, target + ": no such file or directory");
        }
        if (!Files.isRegularFile(target)) {
            throw new ProvkitException(ExitCode.UNREADABLE, target + ": not a directory or regular file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(target)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, target + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return new TarSource(target, true, limits);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return new ZipSource(target, limits);
        }
        if (head.length == 512 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return new TarSource(target, false, limits);
        }
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar") && head.length == 512) {
            return new TarSource(target, false, limits); // a pre-POSIX tar has no magic; its header decides
        }
        throw new ProvkitException(ExitCode.UNREADABLE,
                target + ": not a bag directory, tar, tar.gz or zip");
    }
}
