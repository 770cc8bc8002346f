package org.provkit.bag;

import java.util.Locale;

/** One manifest line: checksum, then the payload path, percent-encoded as RFC 8493 §2.1.3 says. */
public record ManifestLine(String checksum, String path) {

    /** The line as provkit writes it: lower-case hex, two spaces, encoded path, LF. */
    public String format() {
        return checksum.toLowerCase(Locale.ROOT) + "  " + PayloadPathCodec.encode(path) + "\n";
    }
}
