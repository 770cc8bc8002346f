package org.provkit.container;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The captures of a container a later revisit record may point to: by record ID (WARC-Refers-To), by URL and
 * date (WARC-Refers-To-Target-URI and -Date), or by payload digest (an identical-payload-digest revisit carries
 * the digest of the payload it did not store again). Offsets only: the payload is read again from there.
 */
final class RevisitTargets {

    /** Where a capture is: its record ID, its offset (null in a file without offsets of their own) and number. */
    record Target(String recordId, Long offset, int ordinal) {
    }

    private final Map<String, Target> byId = new HashMap<>();
    private final Map<String, Target> byUrlAndDate = new HashMap<>();
    private final Map<String, Target> byDigest = new HashMap<>();

    void add(String recordId, String url, Instant date, String payloadDigest, Long offset, int ordinal) {
        Target target = new Target(recordId, offset, ordinal);
        if (recordId != null) {
            byId.putIfAbsent(recordId, target);
        }
        if (url != null && date != null) {
            byUrlAndDate.putIfAbsent(url + ' ' + date, target);
        }
        if (payloadDigest != null) {
            byDigest.putIfAbsent(payloadDigest.strip().toLowerCase(java.util.Locale.ROOT), target);
        }
    }

    /** The capture a revisit refers to, or null when it is not in this container. */
    Target find(String refersTo, String refersToUrl, Instant refersToDate, String payloadDigest) {
        Target found = refersTo == null ? null : byId.get(refersTo);
        if (found == null && refersToUrl != null && refersToDate != null) {
            found = byUrlAndDate.get(refersToUrl + ' ' + refersToDate);
        }
        if (found == null && payloadDigest != null) {
            found = byDigest.get(payloadDigest.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return found;
    }
}
