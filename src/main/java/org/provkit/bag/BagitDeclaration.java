package org.provkit.bag;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code bagit.txt} declares: the BagIt version and the character encoding of the other tag files.
 * {@link #read} is strict where RFC 8493 is: exactly two lines, exact labels, no byte-order mark, and for
 * 1.0 exactly one space after the colon and none before or at the end.
 */
public record BagitDeclaration(String version, Charset tagEncoding) {

    public static final String FILE_NAME = "bagit.txt";
    public static final Set<String> SUPPORTED_VERSIONS = Set.of("0.93", "0.94", "0.95", "0.96", "0.97", "1.0");

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern LOOSE_LINE = Pattern.compile("([^:]*):(.*)", Pattern.DOTALL);

    /** The result of reading bagit.txt: a declaration when one could be made out, and what was wrong. */
    public record Reading(BagitDeclaration declaration, List<ReadProblem> problems) {
    }

    /** Version 1.0 and later: percent-encoded manifest paths, strict label syntax, duplicates always errors. */
    public boolean isAtLeast1() {
        return !version.startsWith("0.");
    }

    /** Before 0.96 the metadata file is {@code package-info.txt}. */
    public String metadataFileName() {
        return switch (version) {
            case "0.93", "0.94", "0.95" -> "package-info.txt";
            default -> "bag-info.txt";
        };
    }

    public static Reading read(byte[] bytes) {
        List<ReadProblem> problems = new ArrayList<>();
        byte[] body = bytes;
        if (TagText.startsWithUtf8Bom(bytes)) {
            problems.add(new ReadProblem("E_BOM", "must not start with a byte-order mark"));
            body = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        String text;
        try {
            text = TagText.decode(body, StandardCharsets.UTF_8).text();
        } catch (CharacterCodingException e) {
            problems.add(new ReadProblem("E_BAGIT_TXT", "is not UTF-8 text"));
            return new Reading(null, problems);
        }
        List<String> lines = TagText.lines(text);
        if (lines.size() != 2) {
            problems.add(new ReadProblem("E_BAGIT_TXT",
                    "has " + lines.size() + " line(s); it needs exactly two: BagIt-Version and Tag-File-Character-Encoding"));
        }
        String version = lines.isEmpty() ? null : value(lines.get(0), "BagIt-Version", 1, problems);
        if (version != null && !VERSION.matcher(version).matches()) {
            problems.add(new ReadProblem("E_VERSION", "'" + version + "' is not a version number M.N"));
            version = null;
        } else if (version != null && !SUPPORTED_VERSIONS.contains(version)) {
            problems.add(new ReadProblem("E_VERSION", "BagIt version " + version
                    + " is not one provkit reads (0.93 to 1.0)"));
            version = null;
        }
        String encodingName = lines.size() < 2 ? null : value(lines.get(1), "Tag-File-Character-Encoding", 2, problems);
        if (lines.size() == 1) {
            problems.add(new ReadProblem("E_BAGIT_TXT", "lacks the Tag-File-Character-Encoding line"));
        }
        if (version != null && !version.startsWith("0.")) {
            requireExact(lines, 0, "BagIt-Version", problems);
            requireExact(lines, 1, "Tag-File-Character-Encoding", problems);
        }
        Charset encoding = null;
        if (encodingName != null) {
            try {
                encoding = Charset.forName(encodingName);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                problems.add(new ReadProblem("E_ENCODING", "declares the unknown encoding '" + encodingName + "'"));
            }
        }
        if (version == null) {
            return new Reading(null, problems);
        }
        return new Reading(new BagitDeclaration(version, encoding == null ? StandardCharsets.UTF_8 : encoding), problems);
    }

    private static String value(String line, String label, int number, List<ReadProblem> problems) {
        Matcher m = LOOSE_LINE.matcher(line);
        if (!m.matches() || !m.group(1).strip().equals(label)) {
            problems.add(new ReadProblem("E_BAGIT_TXT", "line " + number + " must be '" + label + ": ...', found '"
                    + line + "'"));
            return null;
        }
        return m.group(2).strip();
    }

    private static void requireExact(List<String> lines, int index, String label, List<ReadProblem> problems) {
        if (index >= lines.size()) {
            return;
        }
        String line = lines.get(index);
        Matcher m = LOOSE_LINE.matcher(line);
        if (!m.matches() || !m.group(1).strip().equals(label)) {
            return; // already reported
        }
        String value = m.group(2).strip();
        if (!line.equals(label + ": " + value) || value.isEmpty()) {
            problems.add(new ReadProblem("E_BAGIT_TXT", "line " + (index + 1) + " must read exactly '" + label
                    + ": " + value + "' (BagIt 1.0: no space before the colon, one after, none at the end), found '"
                    + line + "'"));
        }
    }
}
