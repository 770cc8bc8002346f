package org.provkit.bag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the text of a {@code manifest-<alg>.txt} or {@code tagmanifest-<alg>.txt}: checksum, one or more
 * spaces or tabs, path. Paths are percent-decoded ({@code %0D %0A %25} only) in 1.0 bags only; a leading
 * {@code *} (md5sum binary mode) or {@code ./} is tolerated with a warning; unsafe paths are refused.
 */
public final class ManifestReader {


    private ManifestReader() {
    }

    /** The entries that could be read, and problems keyed to the manifest (line numbers in the messages). */
    public record Reading(List<ManifestEntry> entries, List<ReadProblem> problems) {
    }

    public static Reading read(String text, ChecksumAlgorithm algorithm, boolean percentDecode) {
        List<ManifestEntry> entries = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        int expectedHex = algorithm.newDigest().getDigestLength() * 2;
        TagText.forEachLine(text, (number, line) -> readLine(number, line, algorithm, expectedHex, percentDecode, entries, problems));
        return new Reading(entries, problems);
    }

    private static void readLine(int number, String line, ChecksumAlgorithm algorithm, int expectedHex, boolean percentDecode,
            List<ManifestEntry> entries, List<ReadProblem> problems) {
        if (line.isBlank()) {
            return;
        }
        // 'checksum', then spaces or tabs, then the path (a hand-written split: this runs once a line)
        int gap = firstBlank(line);
        // A line with no blank at all (a lone checksum, a line broken by a stray CR) has no path.
        int start = Math.max(gap, 0);
        while (start < line.length() && isBlank(line.charAt(start))) {
            start++;
        }
        if (gap <= 0 || start >= line.length()) {
            problems.add(new ReadProblem("E_MANIFEST_LINE", "line " + number + " is not 'checksum path': '" + line + "'"));
            return;
        }
        String checksum = line.substring(0, gap);
        if (!isHex(checksum) || checksum.length() != expectedHex) {
            problems.add(new ReadProblem("E_MANIFEST_LINE", "line " + number + ": '" + checksum + "' is not a "
                    + algorithm.bagitName() + " checksum (" + expectedHex + " hex digits)"));
            return;
        }
        String path = line.substring(start);
        if (path.startsWith("*")) {
            problems.add(new ReadProblem("W_MD5SUM_STAR", "line " + number
                    + ": md5sum-style '*' before the path (binary-mode marker), read as '" + path.substring(1) + "'"));
            path = path.substring(1);
        }
        if (percentDecode) {
            path = PayloadPathCodec.decode(path);
        }
        if (path.startsWith("./")) {
            String stripped = BagPaths.stripDotSlash(path);
            problems.add(new ReadProblem("W_DOT_SLASH", "line " + number + ": path '" + path
                    + "' starts with './', read as '" + stripped + "'"));
            path = stripped;
        }
        Optional<String> unsafe = BagPaths.unsafeReason(path);
        if (unsafe.isPresent()) {
            problems.add(new ReadProblem("E_UNSAFE_PATH", "line " + number + ": '" + printable(path) + "' is refused: "
                    + unsafe.get()));
            return;
        }
        entries.add(new ManifestEntry(path, checksum.toLowerCase(Locale.ROOT), number));
    }

    private static int firstBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (isBlank(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** A path with control characters made visible, for messages. */
    public static String printable(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
