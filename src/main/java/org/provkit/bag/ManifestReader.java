package org.provkit.bag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a {@code manifest-<alg>.txt} or {@code tagmanifest-<alg>.txt}: checksum, one or more
 * spaces or tabs, path. Paths are percent-decoded ({@code %0D %0A %25} only) in 1.0 bags only; a leading
 * {@code *} (md5sum binary mode) or {@code ./} is tolerated with a warning; unsafe paths are refused.
 */
public final class ManifestReader {

    private static final Pattern LINE = Pattern.compile("([^ \\t]+)[ \\t]+(.*)", Pattern.DOTALL);
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

    private ManifestReader() {
    }

    /** The entries that could be read, and problems keyed to the manifest (line numbers in the messages). */
    public record Reading(List<ManifestEntry> entries, List<ReadProblem> problems) {
    }

    public static Reading read(String text, ChecksumAlgorithm algorithm, boolean percentDecode) {
        List<ManifestEntry> entries = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        List<String> lines = TagText.lines(text);
        int expectedHex = algorithm.newDigest().getDigestLength() * 2;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches() || m.group(2).isEmpty()) {
                problems.add(new ReadProblem("E_MANIFEST_LINE", "line " + number + " is not 'checksum path': '" + line + "'"));
                continue;
            }
            String checksum = m.group(1);
            if (!HEX.matcher(checksum).matches() || checksum.length() != expectedHex) {
                problems.add(new ReadProblem("E_MANIFEST_LINE", "line " + number + ": '" + checksum + "' is not a "
                        + algorithm.bagitName() + " checksum (" + expectedHex + " hex digits)"));
                continue;
            }
            String path = m.group(2);
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
                continue;
            }
            entries.add(new ManifestEntry(path, checksum.toLowerCase(Locale.ROOT), number));
        }
        return new Reading(entries, problems);
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
