package org.provkit.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

import org.provkit.ProvkitException;

/** RFC 3161 over HTTP (section 3.4): POST {@code application/timestamp-query}, read {@code application/timestamp-reply}. */
public final class HttpTimestampAuthority implements TimestampAuthority {

    /** Answers are a few kilobytes; anything far larger is not a time-stamp response. */
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final URI url;
    private final Duration timeout;

    public HttpTimestampAuthority(URI url, Duration timeout) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProvkitException.usage("--tsa " + url + " is not an http or https URL");
        }
        this.url = url;
        this.timeout = timeout;
    }

    public HttpTimestampAuthority(URI url) {
        this(url, Duration.ofSeconds(30));
    }

    @Override
    public byte[] respond(byte[] timeStampRequest) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setDoOutput(true);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Content-Type", "application/timestamp-query");
            connection.setRequestProperty("Accept", "application/timestamp-reply");
            connection.setFixedLengthStreamingMode(timeStampRequest.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(timeStampRequest);
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status + (connection.getResponseMessage() == null ? "" : " " + connection.getResponseMessage()));
            }
            try (InputStream in = connection.getInputStream()) {
                byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (body.length > MAX_RESPONSE_BYTES) {
                    throw new IOException("answer larger than " + MAX_RESPONSE_BYTES + " bytes");
                }
                return body;
            }
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public String location() {
        return url.toString();
    }
}
