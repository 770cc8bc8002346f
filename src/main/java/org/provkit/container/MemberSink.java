package org.provkit.container;

import java.io.IOException;
import java.nio.file.Path;

/** Receives the members of a container, one at a time, in the container's order. */
@FunctionalInterface
public interface MemberSink {

    /**
     * Takes one member. {@code content} holds its bytes (for a capture, the payload with transfer and content
     * encodings undone) and is valid only during the call; null when the member has none (a revisit whose
     * original is not in the container).
     */
    void accept(Member member, Path content) throws IOException;
}
