package org.provkit.bag;


/**
 * One entry of a bag as found on disk or in an archive. The reader fills in what it learns while
 * streaming: the bytes of tag files it keeps, the digests it computed, how many bytes there really were,
 * and why it could not read the entry. Digest maps are written by hashing threads, hence synchronised.
 */
public final class BagFile {

    public enum Kind {
        FILE, DIRECTORY, LINK, SPECIAL
    }

    private final int index;
    private final String entryName;
    private final Kind kind;
    private final long declaredSize;
    private final String linkTarget;
    private volatile String path;
    private volatile byte[] content;
    private volatile long bytesRead = -1;
    private volatile String readError;
    /** By {@link ChecksumAlgorithm#ordinal}; an array, not a map: a bag may have millions of files. */
    private final byte[][] digests = new byte[ChecksumAlgorithm.values().length][];

    public BagFile(int index, String entryName, Kind kind, long declaredSize, String linkTarget) {
        this.index = index;
        this.entryName = entryName;
        this.kind = kind;
        this.declaredSize = declaredSize;
        this.linkTarget = linkTarget;
    }

    /** Position in the archive (or in the directory walk); stable between two passes over the same source. */
    public int index() {
        return index;
    }

    /** The name as stored: archive entry name without a leading {@code ./} or trailing {@code /}. */
    public String entryName() {
        return entryName;
    }

    /** The path relative to the bag root, or null when the entry lies outside the bag's folder. */
    public String path() {
        return path;
    }

    void setPath(String path) {
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    /** The size the archive header or file system gave. */
    public long declaredSize() {
        return declaredSize;
    }

    /** The size as read, when the entry was read; else the declared size. */
    public long size() {
        long read = bytesRead;
        return read >= 0 ? read : declaredSize;
    }

    public String linkTarget() {
        return linkTarget;
    }

    /** The bytes, for the tag files the reader keeps in memory; null otherwise. */
    public byte[] content() {
        return content;
    }

    /**
     * Lets go of a tag file's bytes once they are read and the digests that will be asked for are
     * taken; its size stays known.
     */
    public void releaseContent() {
        this.content = null;
    }

    void setContent(byte[] content) {
        this.content = content;
        this.bytesRead = content.length;
    }

    void setBytesRead(long bytesRead) {
        this.bytesRead = bytesRead;
    }

    /** Why the entry could not be read (then its digests are absent), or null. */
    public String readError() {
        return readError;
    }

    void setReadError(String readError) {
        this.readError = readError;
    }

    void putDigest(ChecksumAlgorithm algorithm, byte[] digest) {
        synchronized (digests) {
            digests[algorithm.ordinal()] = digest;
        }
    }

    /** The digest of the entry's bytes with {@code algorithm}, or null when it was not computed. */
    public byte[] digest(ChecksumAlgorithm algorithm) {
        byte[] computed;
        synchronized (digests) {
            computed = digests[algorithm.ordinal()];
        }
        if (computed == null && content != null) {
            computed = algorithm.newDigest().digest(content);
            synchronized (digests) {
                digests[algorithm.ordinal()] = computed;
            }
        }
        return computed;
    }

    @Override
    public String toString() {
        return kind + " " + entryName;
    }
}
