package org.provkit.container;

import java.io.IOException;

/** A container went past a {@link ContainerLimits} bound: the reader stops there and says so. */
public final class ContainerLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    public ContainerLimitException(String message) {
        super(message);
    }
}
