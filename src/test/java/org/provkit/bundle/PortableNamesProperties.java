package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.provkit.WindowsNames;

/**
 * Portable payload names: Windows and BagIt tools accept every one, two different names never share one,
 * the original can be read back from it (shortened names aside), and the usual name is left alone.
 */
class PortableNamesProperties {

    @Property(tries = 3000)
    void everyNameIsAcceptedByWindowsAndBagitTools(@ForAll("names") byte[] name, @ForAll boolean file) {
        String portable = PortableNames.segment(name, file);
        assertThat(WindowsNames.problems(portable)).as(HexFormat.of().formatHex(name)).isEmpty();
        assertThat(portable.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(file ? 250 : 255);
    }

    @Property(tries = 3000)
    void theOriginalBytesCanBeReadBack(@ForAll("names") byte[] name) {
        String portable = PortableNames.segment(name, true);
        if (!portable.contains(PortableNames.QUOTE + "~")) {
            assertThat(decode(portable)).as(portable).isEqualTo(name);
        }
    }

    @Property(tries = 300)
    void twoNamesNeverShareAPortableName(@ForAll("nameLists") List<byte[]> names) {
        Map<String, String> seen = new HashMap<>();
        for (byte[] name : names) {
            String hex = HexFormat.of().formatHex(name);
            String earlier = seen.putIfAbsent(PortableNames.segment(name, true), hex);
            assertThat(earlier == null || earlier.equals(hex)).as(hex + " and " + earlier).isTrue();
        }
    }

    @Property(tries = 1000)
    void theUsualNameIsLeftAlone(@ForAll("usualNames") String name) {
        assertThat(PortableNames.path("folder/" + name)).isEqualTo("folder/" + name);
    }

    @Example
    void theDocumentedExamples() {
        assertThat(PortableNames.path("seeds/100%.txt")).isEqualTo("seeds/100％.txt");
        assertThat(PortableNames.path("seeds/a:b.txt")).isEqualTo("seeds/a：b.txt");
        assertThat(PortableNames.path("seeds/new\nline.txt")).isEqualTo("seeds/new␊line.txt");
        assertThat(PortableNames.path("seeds/CON.txt")).isEqualTo("seeds/CON‛.txt");
        assertThat(PortableNames.path("seeds/aux")).isEqualTo("seeds/aux‛");
        assertThat(PortableNames.path("CON/x.txt")).isEqualTo("CON‛/x.txt");
        assertThat(PortableNames.path("seeds/notes.")).isEqualTo("seeds/notes．");
        assertThat(PortableNames.path("seeds/notes ")).isEqualTo("seeds/notes␠");
        assertThat(PortableNames.path("seeds/a：b.txt")).isEqualTo("seeds/a‛：b.txt");
        assertThat(PortableNames.path("seeds/‛quoted‛")).isEqualTo("seeds/‛‛quoted‛‛");
        assertThat(PortableNames.path("Prensa Latina/2026-11-12 Xi Jinping ratifie.txt"))
                .isEqualTo("Prensa Latina/2026-11-12 Xi Jinping ratifie.txt");
        assertThat(PortableNames.path(new byte[] {'c', 'a', 'f', (byte) 0xE9, '.', 't', 'x', 't'})).isEqualTo("caf‛E9.txt");
        String longName = "a".repeat(300) + ".pdf";
        String shortened = PortableNames.path(longName);
        assertThat(shortened).endsWith(".pdf").contains("‛~");
        assertThat(shortened.getBytes(StandardCharsets.UTF_8)).hasSize(250);
        assertThat(PortableNames.path(("b".repeat(300) + "/x"))).startsWith("b".repeat(200)).contains("‛~");
    }

    /** The documented reading of a portable name, written independently of the mapping. */
    static byte[] decode(String portable) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < portable.length()) {
            int c = portable.codePointAt(i);
            int width = Character.charCount(c);
            if (c == PortableNames.QUOTE) {
                if (i + width >= portable.length() || portable.charAt(i + width) == '.') {
                    i += width; // marks a device name: stands for nothing
                    continue;
                }
                char next = portable.charAt(i + width);
                if (Character.digit(next, 16) >= 0) {
                    out.write(Integer.parseInt(portable.substring(i + 1, i + 3), 16));
                    i += 3;
                } else {
                    int literal = portable.codePointAt(i + 1);
                    out.writeBytes(new String(Character.toChars(literal)).getBytes(StandardCharsets.UTF_8));
                    i += 1 + Character.charCount(literal);
                }
                continue;
            }
            boolean last = i + width == portable.length();
            int original = c >= 0xFF01 && c <= 0xFF5E && c != 0xFF0E ? c - 0xFEE0
                    : c >= 0x2400 && c < 0x2420 ? c - 0x2400
                    : c == 0x2421 ? 0x7F
                    : c == 0x2420 && last ? ' '
                    : c == 0xFF0E && last ? '.'
                    : c;
            out.writeBytes(new String(Character.toChars(original)).getBytes(StandardCharsets.UTF_8));
            i += width;
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> names() {
        Arbitrary<String> pieces = Arbitraries.of("a", "Z", "0", ".", " ", "%", ":", "<", ">", "\"", "\\", "|", "?", "*", "\n",
                "\r", "\t", "\u007F", "é", "中", "😀", "‛", "：", "％", "．", "␠", "␊", "CON", "con", "LPT1", "com\u00B9", "AUX ",
                "nul", "~", "$HOME", "-", "_", "E9", "\uFFFD");
        Arbitrary<byte[]> text = pieces.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalid = Arbitraries.of((byte) 0xE9, (byte) 0xFF, (byte) 0x80, (byte) 0xC3, (byte) 0xED).map(b -> new byte[] {b});
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, text), net.jqwik.api.Tuple.of(2, invalid));
        Arbitrary<byte[]> joined = piece.list().ofMinSize(1).ofMaxSize(4).map(PortableNamesProperties::concat);
        Arbitrary<byte[]> longOnes = Combinators.combine(Arbitraries.strings().withChars("aé中.‛:").ofMinLength(200).ofMaxLength(400),
                Arbitraries.of(".pdf", ".txt", "", ".")).as((s, e) -> (s + e).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, joined), net.jqwik.api.Tuple.of(1, longOnes))
                .filter(b -> b.length > 0 && indexOf(b, (byte) '/') < 0 && indexOf(b, (byte) 0) < 0);
    }

    @Provide
    Arbitrary<List<byte[]>> nameLists() {
        return names().list().ofMinSize(2).ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> usualNames() {
        return Arbitraries.strings().withChars("abcXYZ019 -_.,()'éñ中日本語ü").ofMinLength(1).ofMaxLength(60)
                .filter(s -> !s.endsWith(".") && !s.endsWith(" ") && !s.startsWith(".") && !s.contains("/"))
                .filter(s -> WindowsNames.problems(s).isEmpty());
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
