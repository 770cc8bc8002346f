package org.provkit.bag;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Hands an archive's entry stream to a visitor who must not close the whole archive. */
final class NonClosingInputStream extends FilterInputStream {

    NonClosingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // the archive stream stays open for the next entry
    }
}
