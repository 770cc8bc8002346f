package org.provkit.extract;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.commons.io.input.UnsynchronizedByteArrayInputStream;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * One of Tika's magic patterns, answering exactly as Tika's {@link MagicDetector} does, faster.
 *
 * <p>Tika evaluates every one of its ~1,400 patterns against the first bytes of every file it
 * detects; for a text file none matches, so all are evaluated. 160 of them look for their bytes
 * anywhere in a range of up to 8 KB, and Tika copies that range into a new buffer and tries every
 * offset, for every pattern, every file: about 0.5 ms of a small article's extraction. This detector
 * reads the bytes where Tika's match clause put them (the array behind its stream), tries only the
 * offsets whose first byte can start the pattern (from an index of the byte values of the file's
 * first bytes, built once per file), compiles a regex pattern once instead of per call, and copies
 * nothing. Each offset is then checked with Tika's own expression, on the same window (zero bytes
 * past the end of the data, as Tika's buffer has). Any other input goes to Tika's detector.
 * {@code IndexedMagicDetectorProperties} holds every installed pattern to Tika's answer.
 */
final class IndexedMagicDetector extends MagicDetector {

    /** A range shorter than this is scanned directly: an index would not pay for itself. */
    private static final int INDEX_MIN_RANGE = 64;
    /** First-byte values beyond this many (odd masks) are scanned directly too. */
    private static final int INDEX_MAX_VALUES = 8;

    private static final VarHandle DATA;
    private static final VarHandle OFFSET;
    private static final VarHandle END;

    static {
        VarHandle data = null;
        VarHandle offset = null;
        VarHandle end = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(UnsynchronizedByteArrayInputStream.class, MethodHandles.lookup());
            data = lookup.findVarHandle(UnsynchronizedByteArrayInputStream.class, "data", byte[].class);
            offset = lookup.findVarHandle(UnsynchronizedByteArrayInputStream.class, "offset", int.class);
            end = lookup.findVarHandle(UnsynchronizedByteArrayInputStream.class, "eod", int.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another commons-io: every call goes to Tika's own detector (see readable()).
            data = null;
        }
        DATA = data;
        OFFSET = offset;
        END = end;
    }

    private static final ThreadLocal<ByteIndex> INDEX = new ThreadLocal<>();

    private final MagicDetector tika;
    private final MediaType type;
    private final byte[] pattern;
    private final byte[] mask;
    private final int length;
    private final int begin;
    private final int end;
    private final boolean ignoreCase;
    private final Pattern regex;
    private final boolean regexContextFree;
    /** For each byte value: whether Tika's comparison of the first pattern byte accepts it. */
    private final boolean[] firstAccepts = new boolean[256];
    private final int[] firstValues;

    private IndexedMagicDetector(MagicDetector tika, MediaType type, byte[] pattern, byte[] mask, int length, int begin, int end,
            boolean ignoreCase, Pattern regex) {
        super(type, pattern, mask, regex != null, ignoreCase, begin, end);
        this.tika = tika;
        this.type = type;
        this.pattern = pattern;
        this.mask = mask;
        this.length = length;
        this.begin = begin;
        this.end = end;
        this.ignoreCase = ignoreCase;
        this.regex = regex;
        this.regexContextFree = regex != null && contextFree(regex.pattern());
        int accepted = 0;
        for (int v = 0; v < 256; v++) {
            firstAccepts[v] = regex == null && length > 0 && compare((byte) v, 0);
            accepted += firstAccepts[v] ? 1 : 0;
        }
        this.firstValues = new int[accepted];
        for (int v = 0, i = 0; v < 256; v++) {
            if (firstAccepts[v]) {
                firstValues[i++] = v;
            }
        }
    }

    /**
     * The fast twin of {@code tika}, from the values of its fields; null when they cannot be read
     * (another Tika) or its regex does not compile (then Tika fails the same way on every call).
     */
    static IndexedMagicDetector of(MagicDetector tika, MagicDetectorFields fields) {
        if (DATA == null) {
            return null;
        }
        Pattern regex = null;
        if (fields.isRegex()) {
            try {
                regex = Pattern.compile(new String(fields.pattern(), StandardCharsets.UTF_8), fields.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
            } catch (PatternSyntaxException e) {
                return null;
            }
        }
        return new IndexedMagicDetector(tika, fields.type(), fields.pattern(), fields.mask(), fields.length(),
                fields.begin(), fields.end(), fields.ignoreCase(), regex);
    }

    /** What a Tika {@link MagicDetector} holds, as read from its private fields. */
    record MagicDetectorFields(MediaType type, byte[] pattern, byte[] mask, int length, int begin, int end, boolean isRegex,
            boolean ignoreCase) {
    }

    MagicDetector tika() {
        return tika;
    }

    MagicDetectorFields fields() {
        return new MagicDetectorFields(type, pattern, mask, length, begin, end, regex != null, ignoreCase);
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        if (!(input instanceof UnsynchronizedByteArrayInputStream)) {
            return tika.detect(input, metadata);
        }
        byte[] data = (byte[]) DATA.get(input);
        int from = (int) OFFSET.get(input);
        int to = (int) END.get(input);
        return matches(data, from, to) ? type : MediaType.OCTET_STREAM;
    }

    private boolean matches(byte[] data, int from, int to) {
        int available = to - from;
        if (available < begin) {
            return false; // Tika's skip to the range's start reaches the end of the data
        }
        int window = length + (end - begin);
        int read = Math.min(available - begin, window);
        int base = from + begin;
        if (regex != null) {
            return regexMatches(data, base, read, window);
        }
        if (read < length) {
            return false;
        }
        int range = end - begin;
        if (range < INDEX_MIN_RANGE || end >= ByteIndex.SPAN || firstAccepts[0] || firstValues.length > INDEX_MAX_VALUES) {
            for (int i = 0; i <= range; i++) {
                byte first = i < read ? data[base + i] : 0;
                if (firstAccepts[first & 0xff] && matchesAt(data, base, read, i)) {
                    return true;
                }
            }
            return false;
        }
        // Offsets past the data hold zero bytes, which cannot start this pattern (firstAccepts[0] is false).
        ByteIndex index = ByteIndex.of(data, from, to);
        int last = Math.min(range, read - 1);
        for (int value : firstValues) {
            int[] offsets = index.offsets();
            int start = index.start(value);
            int stop = index.start(value + 1);
            int k = Arrays.binarySearch(offsets, start, stop, begin);
            for (k = k >= 0 ? k : -k - 1; k < stop; k++) {
                int i = offsets[k] - begin;
                if (i > last) {
                    break;
                }
                if (matchesAt(data, base, read, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Tika's comparison at one offset of its window (bytes past {@code read} are zero, as in its buffer). */
    private boolean matchesAt(byte[] data, int base, int read, int i) {
        for (int j = 0; j < length; j++) {
            byte b = i + j < read ? data[base + i + j] : 0;
            if (!compare(b, j)) {
                return false;
            }
        }
        return true;
    }

    private boolean compare(byte b, int j) {
        int masked = b & mask[j];
        if (ignoreCase) {
            masked = Character.toLowerCase(masked);
        }
        return masked == pattern[j];
    }

    private boolean regexMatches(byte[] data, int base, int read, int window) {
        Matcher m = regex.matcher(new Latin1Window(data, base, Math.max(0, read), window));
        int range = end - begin;
        if (range > 0 && regexContextFree) {
            // A match at offset i of Tika's loop is also a match at i of the whole window (the pattern
            // cannot see what lies around it), so find() names every offset worth Tika's own test, in
            // one scan instead of one lookingAt per offset.
            int from = 0;
            while (from <= range && m.find(from)) {
                int i = m.start();
                if (i > range) {
                    return false;
                }
                m.region(i, length + i);
                if (m.lookingAt()) {
                    return true;
                }
                from = i + 1;
            }
            return false;
        }
        for (int i = 0; i <= range; i++) {
            m.region(i, length + i);
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a regex's matches depend only on the characters they cover: no anchors, word boundaries
     * or lookaround (the characters for these are looked for anywhere in the source, conservatively).
     */
    static boolean contextFree(String regex) {
        for (String construct : new String[] {"^", "$", "\\b", "\\B", "\\A", "\\G", "\\Z", "\\z", "(?=", "(?!", "(?<"}) {
            if (regex.contains(construct)) {
                return false;
            }
        }
        return true;
    }

    /** Tika's regex window: its bytes as ISO-8859-1 characters, zero past the data. */
    private record Latin1Window(byte[] data, int base, int read, int length) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return index < read ? (char) (data[base + index] & 0xff) : '\0';
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int stop) {
            StringBuilder s = new StringBuilder(stop - start);
            for (int i = start; i < stop; i++) {
                s.append(charAt(i));
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }

    /**
     * Where each byte value occurs in the data being detected, for the offsets a pattern's range can
     * reach; built once per detected file and thread. Tika reads a new array of first bytes for each
     * detection and hands that same array to every pattern, so the array's identity names the file
     * (the index keeps it referenced, so a later array can never be mistaken for it).
     */
    private static final class ByteIndex {
        /** Offsets past this are in no pattern's range (Tika's widest is 8 KB). */
        private static final int SPAN = 16 << 10;

        private final byte[] data;
        private final int from;
        private final int to;
        private final int[] starts = new int[257];
        private final int[] offsets;

        private ByteIndex(byte[] data, int from, int to) {
            this.data = data;
            this.from = from;
            this.to = to;
            int limit = Math.min(to, from + SPAN);
            for (int p = from; p < limit; p++) {
                starts[(data[p] & 0xff) + 1]++;
            }
            for (int v = 0; v < 256; v++) {
                starts[v + 1] += starts[v];
            }
            offsets = new int[limit - from];
            int[] next = Arrays.copyOf(starts, 256);
            for (int p = from; p < limit; p++) {
                offsets[next[data[p] & 0xff]++] = p - from;
            }
        }

        static ByteIndex of(byte[] data, int from, int to) {
            ByteIndex index = INDEX.get();
            if (index == null || index.data != data || index.from != from || index.to != to) {
                index = new ByteIndex(data, from, to);
                INDEX.set(index);
            }
            return index;
        }

        /** Offsets from the data's start, grouped by byte value, ascending within a value. */
        int[] offsets() {
            return offsets;
        }

        int start(int value) {
            return starts[value];
        }
    }
}
