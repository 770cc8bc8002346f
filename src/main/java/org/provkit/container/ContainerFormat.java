package org.provkit.container;

/** The containers whose members are documents of their own. */
public enum ContainerFormat {
    WARC("warc", "application/warc"),
    ARC("arc", "application/x-internet-archive"),
    WACZ("wacz", "application/wacz"),
    ZIP("zip", "application/zip"),
    TAR("tar", "application/x-tar"),
    SEVEN_Z("7z", "application/x-7z-compressed"),
    MBOX("mbox", "application/mbox");

    private final String label;
    private final String mediaType;

    ContainerFormat(String label, String mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    /** The name records use ({@code warc}, {@code zip}, ...). */
    public String label() {
        return label;
    }

    /** The container's media type when nothing more precise is known. */
    public String mediaType() {
        return mediaType;
    }
}
