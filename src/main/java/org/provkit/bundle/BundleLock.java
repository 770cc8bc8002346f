package org.provkit.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/**
 * One bundle run per output folder and bundle name at a time. Two runs that would write the same bundle
 * (bundle of the same unchanged folder twice at once) used to both do all the work, the second failing
 * only at the end; now the second stops at once, with exit code {@link ExitCode#BUSY}. The lock is an
 * operating-system lock on {@code .provkit-lock-NAME.tar} in the output folder, so a run that dies
 * (even {@code kill -9}) holds it no more; the file is removed when the run ends. The file holds the
 * holder's process id, to name it.
 */
final class BundleLock implements AutoCloseable {

    static final String PREFIX = ".provkit-lock-";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BundleLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for {@code bundleFileName} in {@code folder}, or fails at once when another run holds it.
     *
     * @throws ProvkitException {@link ExitCode#BUSY} when another run is writing that bundle
     */
    static BundleLock acquire(Path folder, String bundleFileName) throws IOException {
        Path file = folder.resolve(PREFIX + bundleFileName);
        while (true) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Object opened = key(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another thread of this JVM holds it
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new ProvkitException(ExitCode.BUSY, "another provkit run" + holder + " is writing "
                        + folder.resolve(bundleFileName) + "; wait for it to end, or choose another --name or -o");
            }
            // The holder before us may have removed the file after we opened it: then we hold a lock on a file
            // no one else will find. Only a lock on the file that is there now counts.
            Object now = key(file);
            if (opened == null ? Files.exists(file) : opened.equals(now)) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
                channel.force(false);
                return new BundleLock(file, channel, lock);
            }
            lock.release();
            channel.close();
        }
    }

    /** The lock file, removed (with the bundle's other temporary files) if the run is interrupted. */
    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            lock.release();
            channel.close();
        }
    }

    /** The file's identity (device and inode), null when it is gone or the file system has none. */
    private static Object key(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int n = channel.read(buffer, 0);
            String pid = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

}
