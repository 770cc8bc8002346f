package org.provkit.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.netpreserve.jwarc.HttpResponse;

/**
 * An HTTP response as a WARC response (or revisit) record holds it, in a block staged by {@link WarcBlock}:
 * its status and headers, the WARC-Payload-Digest checked over the entity body, and the body with its
 * transfer and content encodings undone, as browsers and parsers see it.
 */
final class HttpCapture {

    private final Path block;
    private final int status;
    private final String contentType;
    private final String location;
    private final boolean chunked;
    private final long headerLength;

    private HttpCapture(Path block, HttpResponse http) {
        this.block = block;
        this.status = http.status();
        this.contentType = http.headers().first("Content-Type").orElse(null);
        this.location = http.headers().first("Location").orElse(null);
        this.chunked = http.headers().contains("Transfer-Encoding", "chunked");
        this.headerLength = http.serializeHeader().length;
    }

    /** The response in {@code block}; an IOException when the block does not start with an HTTP response. */
    static HttpCapture parse(Path block) throws IOException {
        try (FileChannel channel = FileChannel.open(block)) {
            return new HttpCapture(block, HttpResponse.parse(channel));
        }
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String location() {
        return location;
    }

    /**
     * Checks the payload digest over the entity body as it is stored (the bytes after the headers, as warcio
     * checks it) and, for a chunked body that does not match so, over the body without its chunking (as some
     * crawlers compute it).
     */
    RecordedDigest.Result checkPayload(RecordedDigest declared) throws IOException {
        if (declared == null) {
            return RecordedDigest.Result.ABSENT;
        }
        MessageDigest stored = declared.newDigester();
        if (stored == null) {
            return RecordedDigest.Result.UNCHECKED;
        }
        try (FileChannel channel = FileChannel.open(block)) {
            channel.position(Math.min(headerLength, channel.size()));
            drain(Channels.newInputStream(channel), stored);
        }
        RecordedDigest.Result result = declared.check(stored);
        if (result == RecordedDigest.Result.MISMATCH && chunked) {
            MessageDigest dechunked = declared.newDigester();
            try (FileChannel channel = FileChannel.open(block)) {
                drain(HttpResponse.parse(channel).body().stream(), dechunked);
            } catch (IOException e) {
                return result;
            }
            return declared.check(dechunked);
        }
        return result;
    }

    /**
     * Writes the body, transfer and content encodings undone, to {@code out}; a body whose content encoding
     * cannot be undone is written as stored, and the returned warnings say so.
     */
    List<String> writeBody(Path out, Scratch scratch) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(block); InputStream in = HttpResponse.parse(channel).bodyDecoded().stream()) {
            scratch.stage(in, out);
            return warnings;
        } catch (ContainerLimitException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            warnings.add("the payload's content encoding could not be undone (" + describe(e) + "): kept as stored");
        }
        try (FileChannel channel = FileChannel.open(block); InputStream in = HttpResponse.parse(channel).body().stream()) {
            scratch.stage(in, out);
        } catch (ContainerLimitException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            warnings.add("the payload's chunked encoding is damaged (" + describe(e) + "): kept as far as it could be read");
        }
        return warnings;
    }

    /**
     * Checks a payload digest over what follows the headers of an HTTP message (a request, or any message jwarc
     * does not parse as a response): the bytes after the first blank line.
     */
    static RecordedDigest.Result checkPayloadAfterHeaders(Path block, RecordedDigest declared) throws IOException {
        if (declared == null) {
            return RecordedDigest.Result.ABSENT;
        }
        MessageDigest digest = declared.newDigester();
        if (digest == null) {
            return RecordedDigest.Result.UNCHECKED;
        }
        try (FileChannel channel = FileChannel.open(block)) {
            channel.position(headerEnd(channel));
            drain(Channels.newInputStream(channel), digest);
        }
        return declared.check(digest);
    }

    /** Where the body starts: after the first CRLF CRLF (or LF LF) within the first 64 KiB, else the end. */
    private static long headerEnd(FileChannel channel) throws IOException {
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        channel.read(head, 0);
        byte[] bytes = head.array();
        for (int i = 0; i < head.position(); i++) {
            if (bytes[i] == '\n') {
                if (i + 1 < head.position() && bytes[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < head.position() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return channel.size();
    }

    private static void drain(InputStream in, MessageDigest digest) throws IOException {
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
