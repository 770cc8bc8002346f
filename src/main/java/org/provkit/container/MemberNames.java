package org.provkit.container;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.provkit.StringTable;

/**
 * Names members get in a bundle: relative paths under their container's folder that every file system and
 * BagIt tool takes (letters and digits of any script, {@code . _ - ( ) + , = @ &} and spaces; each segment at
 * most 120 UTF-8 bytes, no leading or trailing dot or space, no device names), unique within the container
 * ignoring case. An archive entry that tries to leave its folder ({@code ..}, an absolute or drive path) is
 * named inside it, and the caller says so.
 */
public final class MemberNames {

    static final int MAX_SEGMENT_BYTES = 120;
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{M}\\p{N}._\\-()+,=@& ]+");
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    /** The names given so far, lower-cased (one per member: compact, see {@link StringTable}). */
    private final StringTable taken = new StringTable();

    /** A safe relative path for an archive entry named {@code raw}, and whether the raw name tried to escape. */
    public record EntryName(String name, boolean escapes) {
    }

    public static EntryName entry(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        boolean escapes = name.startsWith("/") || name.startsWith("\\") || name.contains("\\")
                || name.matches("(?s)^[A-Za-z]:.*") || name.indexOf('\0') >= 0;
        List<String> segments = new ArrayList<>();
        for (String segment : name.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                escapes = true;
                continue;
            }
            segments.add(segment(segment));
        }
        return new EntryName(segments.isEmpty() ? "unnamed" : String.join("/", segments), escapes);
    }

    /**
     * The name of the {@code ordinal}-th record of a web archive: the number first (so members list in the
     * archive's order), then the captured URL's host and path, then an extension from the media type when the
     * path has none ({@code 000003_news.example.org_2024_story.html}).
     */
    public static String capture(int ordinal, String url, String mediaType) {
        String slug;
        String lastSegment = "";
        try {
            URI uri = URI.create(url.strip());
            String host = uri.getHost() == null ? "" : uri.getHost();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            slug = host + path.replace('/', '_');
            lastSegment = path.substring(path.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException | NullPointerException e) {
            slug = url == null ? "" : url;
        }
        slug = UNSAFE.matcher(slug).replaceAll("_").replaceAll("_+", "_").replaceAll("^[_.]+|[_.]+$", "");
        String extension = extensionOf(lastSegment) == null || !slug.endsWith(lastSegment) ? MediaTypes.extension(mediaType) : null;
        String name = String.format(Locale.ROOT, "%06d", ordinal) + (slug.isEmpty() ? "" : "_" + slug);
        return segment(truncate(name, MAX_SEGMENT_BYTES - (extension == null ? 0 : extension.length() + 1))
                + (extension == null ? "" : "." + extension));
    }

    /** {@code wanted}, or {@code wanted} with {@code ~2}, {@code ~3}, ... before its extension if taken. */
    public String unique(String wanted) {
        String candidate = wanted;
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            int slash = wanted.lastIndexOf('/');
            int dot = wanted.lastIndexOf('.');
            int cut = dot > slash + 1 ? dot : wanted.length();
            candidate = wanted.substring(0, cut) + "~" + i + wanted.substring(cut);
        }
        return candidate;
    }

    /** The last segment of a member name, as a file name for staging (same extension). */
    public static String fileName(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.isEmpty() ? "unnamed" : segment(last);
    }

    static String segment(String raw) {
        String s = UNSAFE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll("_");
        String extension = extensionOf(s);
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            int keep = MAX_SEGMENT_BYTES - (extension == null ? 0 : extension.length() + 1);
            s = truncate(extension == null ? s : s.substring(0, s.length() - extension.length() - 1), keep)
                    + (extension == null ? "" : "." + extension);
        }
        // after truncating, which may leave a final space or dot
        s = s.replaceAll("^[. ]+", "_").replaceAll("[. ]+$", "_");
        int dot = s.indexOf('.');
        if (DEVICES.contains((dot < 0 ? s : s.substring(0, dot)).toLowerCase(Locale.ROOT))) {
            s = "_" + s;
        }
        return s.isEmpty() ? "unnamed" : s;
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('_');
        if (dot <= 0 || dot < slash || name.length() - dot > 6) {
            return null;
        }
        String extension = name.substring(dot + 1);
        return extension.matches("[A-Za-z0-9]{1,5}") ? extension : null;
    }

    private static String truncate(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
