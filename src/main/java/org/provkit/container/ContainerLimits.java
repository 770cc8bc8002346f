package org.provkit.container;

/**
 * How far provkit follows a container: the nesting depth and the number of embedded documents are those of
 * Tika's embedded extraction (a zip nested 25 deep is followed 10 levels); the bytes its members may expand
 * to are at least the embedded extraction's 256 MiB and at most a hundred times the container (so a 1 GB
 * web archive is read whole, a zip bomb is not).
 *
 * @param maxDepth   containers within containers, the outermost counting as 1
 * @param maxMembers members of one container (with all its nested ones)
 * @param minBytes   bytes the members of any container may expand to
 * @param ratio      bytes its members may expand to, per byte of the container
 */
public record ContainerLimits(int maxDepth, int maxMembers, long minBytes, int ratio) {

    public static ContainerLimits defaults() {
        return new ContainerLimits(10, 200_000, 256L << 20, 100);
    }

    /** The bytes the members of a container of this size may expand to. */
    public long budgetFor(long containerBytes) {
        long scaled = containerBytes > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : containerBytes * ratio;
        return Math.max(minBytes, scaled);
    }
}
