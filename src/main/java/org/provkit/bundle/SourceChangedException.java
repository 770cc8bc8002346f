package org.provkit.bundle;

import java.io.IOException;

/** A source file's bytes changed between extraction and packing: the bundle is abandoned. */
public final class SourceChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceChangedException(String message) {
        super(message);
    }
}
