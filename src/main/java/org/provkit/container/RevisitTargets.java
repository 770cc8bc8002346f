package org.provkit.container;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.provkit.StringTable;

/**
 * The captures of a container a later revisit record may point to: by record ID (WARC-Refers-To), by URL and
 * date (WARC-Refers-To-Target-URI and -Date), or by payload digest (an identical-payload-digest revisit carries
 * the digest of the payload it did not store again). Offsets only: the payload is read again from there.
 *
 * <p>Every capture of the file is a possible target, so this grows with the file's records: the keys are held in
 * {@link StringTable}s and the rest in arrays (about 200 bytes a capture, where maps of strings took 500).
 */
final class RevisitTargets {

    /** Where a capture is: its record ID, its offset (null in a file without offsets of their own) and number. */
    record Target(String recordId, Long offset, int ordinal) {
    }

    private static final long NO_OFFSET = -1;

    private final StringTable ids = new StringTable();
    private final StringTable urlsAndDates = new StringTable();
    private final StringTable digests = new StringTable();
    /** By key number in each table: the number of the capture that key first named. */
    private int[] byId = new int[16];
    private int[] byUrlAndDate = new int[16];
    private int[] byDigest = new int[16];
    /** By capture number: its record ID's number in {@code ids} (or -1), offset (or NO_OFFSET) and ordinal. */
    private int[] idOf = new int[16];
    private long[] offsets = new long[16];
    private int[] ordinals = new int[16];
    private int captures;

    void add(String recordId, String url, Instant date, String payloadDigest, Long offset, int ordinal) {
        int capture = captures++;
        if (capture == idOf.length) {
            idOf = Arrays.copyOf(idOf, capture * 2);
            offsets = Arrays.copyOf(offsets, capture * 2);
            ordinals = Arrays.copyOf(ordinals, capture * 2);
        }
        idOf[capture] = -1;
        offsets[capture] = offset == null ? NO_OFFSET : offset;
        ordinals[capture] = ordinal;
        if (recordId != null) {
            int before = ids.size();
            int number = ids.number(recordId);
            idOf[capture] = number;
            byId = first(byId, number, before, capture);
        }
        if (url != null && date != null) {
            int before = urlsAndDates.size();
            byUrlAndDate = first(byUrlAndDate, urlsAndDates.number(url + ' ' + date), before, capture);
        }
        if (payloadDigest != null) {
            int before = digests.size();
            byDigest = first(byDigest, digests.number(digestKey(payloadDigest)), before, capture);
        }
    }

    /** Records {@code capture} for key {@code number} when the key is new (its number is the table's old size). */
    private static int[] first(int[] captureOf, int number, int tableSizeBefore, int capture) {
        if (number != tableSizeBefore) {
            return captureOf; // an earlier capture has this key: it stays the target
        }
        int[] grown = number < captureOf.length ? captureOf : Arrays.copyOf(captureOf, Math.max(16, number * 2));
        grown[number] = capture;
        return grown;
    }

    /** The capture a revisit refers to, or null when it is not in this container. */
    Target find(String refersTo, String refersToUrl, Instant refersToDate, String payloadDigest) {
        int found = -1;
        if (refersTo != null) {
            found = lookUp(ids, byId, refersTo);
        }
        if (found < 0 && refersToUrl != null && refersToDate != null) {
            found = lookUp(urlsAndDates, byUrlAndDate, refersToUrl + ' ' + refersToDate);
        }
        if (found < 0 && payloadDigest != null) {
            found = lookUp(digests, byDigest, digestKey(payloadDigest));
        }
        if (found < 0) {
            return null;
        }
        int id = idOf[found];
        return new Target(id < 0 ? null : ids.get(id), offsets[found] == NO_OFFSET ? null : offsets[found], ordinals[found]);
    }

    private static int lookUp(StringTable keys, int[] captureOf, String key) {
        int number = keys.indexOf(key);
        return number < 0 ? -1 : captureOf[number];
    }

    private static String digestKey(String payloadDigest) {
        return payloadDigest.strip().toLowerCase(Locale.ROOT);
    }
}
