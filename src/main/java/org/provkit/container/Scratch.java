package org.provkit.container;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the readers of one container (and of the containers nested in it) stage member bytes: one folder per
 * nesting level, one file at a time per level, and one budget of bytes and members for the whole nest.
 */
public final class Scratch {

    private final Path folder;
    private final int depth;
    private final Budget budget;

    private Scratch(Path folder, int depth, Budget budget) {
        this.folder = folder;
        this.depth = depth;
        this.budget = budget;
    }

    /** The scratch of an outermost container of {@code containerBytes} bytes, in {@code folder}. */
    public static Scratch open(Path folder, long containerBytes, ContainerLimits limits) throws IOException {
        return new Scratch(Files.createDirectories(folder.resolve("d1")), 1, new Budget(limits, limits.budgetFor(containerBytes)));
    }

    /** The scratch of a container nested in this one, or null when that would be too deep. */
    public Scratch nested() throws IOException {
        if (depth >= budget.limits.maxDepth()) {
            return null;
        }
        return new Scratch(Files.createDirectories(folder.resolveSibling("d" + (depth + 1))), depth + 1, budget);
    }

    public int depth() {
        return depth;
    }

    public ContainerLimits limits() {
        return budget.limits;
    }

    /** A file of this level named {@code name} (a member's last name segment, so parsers see its extension). */
    public Path file(String name) {
        return folder.resolve(MemberNames.fileName(name));
    }

    /**
     * A file named {@code name} in a folder of its own ({@code slot}), for a member whose bytes must outlive the
     * reader's next member (while it is extracted on another thread).
     */
    public Path slotFile(long slot, String name) throws IOException {
        return Files.createDirectories(folder.resolve("slot-" + slot)).resolve(MemberNames.fileName(name));
    }

    /** Counts one more member against the budget. */
    public void countMember() throws ContainerLimitException {
        if (++budget.members > budget.limits.maxMembers()) {
            throw new ContainerLimitException("more than " + budget.limits.maxMembers() + " members: the rest were not read");
        }
    }

    /** Copies {@code in} to {@code file}, counting its bytes against the budget. */
    public long stage(InputStream in, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16)) {
            return copy(in, out);
        }
    }

    /** Copies {@code in} to {@code out}, counting its bytes against the budget. */
    public long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            spend(n);
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private void spend(long n) throws ContainerLimitException {
        budget.bytes += n;
        if (budget.bytes > budget.allowance) {
            throw new ContainerLimitException("members expand to more than " + (budget.allowance >> 20)
                    + " MiB (a zip bomb?): the rest were not read");
        }
    }

    private static final class Budget {
        final ContainerLimits limits;
        final long allowance;
        long bytes;
        int members;

        Budget(ContainerLimits limits, long allowance) {
            this.limits = limits;
            this.allowance = allowance;
        }
    }
}
