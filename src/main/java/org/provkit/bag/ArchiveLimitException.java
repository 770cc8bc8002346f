package org.provkit.bag;

import java.io.IOException;

/** Reading stopped because an archive went past an {@link ArchiveLimits} bound (a likely decompression bomb). */
public final class ArchiveLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    public ArchiveLimitException(String message) {
        super(message);
    }
}
