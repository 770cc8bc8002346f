package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever an archive calls its entries or a crawl its URLs, members get names every file system and BagIt tool
 * takes, that stay inside their container's folder, and that never collide within a container, even ignoring case.
 */
class MemberNamesProperties {

    static final java.util.regex.Pattern SAFE_SEGMENT = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N}._\\-()+,=@& ]+");
    static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "lpt1", "com9", "lpt9");

    @Property(tries = 1000)
    void anEntryNameIsAlwaysASafeRelativePath(@ForAll("entryNames") String raw) {
        String name = MemberNames.entry(raw).name();
        assertSafePath(name);
    }

    @Property(tries = 500)
    void anEntryThatClimbsOutOfItsFolderIsSaidToEscape(@ForAll("entryNames") String inside, @ForAll @IntRange(min = 1, max = 4) int levels,
            @ForAll boolean absolute) {
        String raw = (absolute ? "/" : "") + "../".repeat(levels) + inside;
        MemberNames.EntryName entry = MemberNames.entry(raw);
        assertThat(entry.escapes()).isTrue();
        assertSafePath(entry.name());
    }

    @Property(tries = 500)
    void aSafeNameIsItsOwnName(@ForAll("entryNames") String raw) {
        String once = MemberNames.entry(raw).name();
        MemberNames.EntryName again = MemberNames.entry(once);
        assertThat(again.name()).isEqualTo(once);
        assertThat(again.escapes()).isFalse();
    }

    @Property(tries = 300)
    void namesMadeUniqueNeverCollideIgnoringCaseAndAFreeNameIsKept(@ForAll @Size(max = 40) List<@From("similarNames") String> wanted) {
        MemberNames names = new MemberNames();
        Set<String> taken = new HashSet<>();
        for (String name : wanted) {
            boolean free = !taken.contains(name.toLowerCase(Locale.ROOT));
            String unique = names.unique(name);
            assertThat(taken.add(unique.toLowerCase(Locale.ROOT))).as("%s collides", unique).isTrue();
            if (free) {
                assertThat(unique).isEqualTo(name);
            }
        }
    }

    @Property(tries = 1000)
    void aCaptureIsNamedBySafeSegmentThatListsInTheArchivesOrder(@ForAll @IntRange(min = 1, max = 999_999) int ordinal,
            @ForAll("urls") String url, @ForAll("mediaTypes") String mediaType) {
        String name = MemberNames.capture(ordinal, url, mediaType);
        assertThat(name).doesNotContain("/");
        assertSafePath(name);
        assertThat(name).startsWith(String.format(Locale.ROOT, "%06d", ordinal));
    }

    @Example
    void examples() {
        assertThat(MemberNames.entry("../../etc/passwd")).isEqualTo(new MemberNames.EntryName("etc/passwd", true));
        assertThat(MemberNames.entry("C:\\Windows\\win.ini")).isEqualTo(new MemberNames.EntryName("C_/Windows/win.ini", true));
        assertThat(MemberNames.entry("docs/CON.txt").name()).isEqualTo("docs/_CON.txt");
        assertThat(MemberNames.capture(3, "https://news.example.org/2024/story", "text/html; charset=utf-8"))
                .isEqualTo("000003_news.example.org_2024_story.html");
        MemberNames names = new MemberNames();
        assertThat(List.of(names.unique("a.txt"), names.unique("A.txt"), names.unique("a.txt"))).containsExactly("a.txt", "A~2.txt", "a~3.txt");
    }

    static void assertSafePath(String name) {
        assertThat(name).isNotEmpty().doesNotStartWith("/");
        for (String segment : name.split("/", -1)) {
            assertThat(segment).as(name).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
            assertThat(SAFE_SEGMENT.matcher(segment).matches()).as("unsafe characters in %s", segment).isTrue();
            assertThat(segment.getBytes(StandardCharsets.UTF_8).length).as(segment).isLessThanOrEqualTo(MemberNames.MAX_SEGMENT_BYTES);
            assertThat(segment).as(name).doesNotStartWith(".").doesNotStartWith(" ").doesNotEndWith(".").doesNotEndWith(" ");
            int dot = segment.indexOf('.');
            assertThat(DEVICES).as(name).doesNotContain((dot < 0 ? segment : segment.substring(0, dot)).toLowerCase(Locale.ROOT));
        }
    }

    @Provide
    Arbitrary<String> entryNames() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("abcXYZ._- /\\:*?\"<>|%").ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0400', '\u04ff').withCharRange('\u4e00', '\u4e2f').ofMinLength(30).ofMaxLength(80),
                Arbitraries.strings().alpha().ofMinLength(100).ofMaxLength(200).map(s -> s + " .txt"),
                Arbitraries.strings().withChars("ab .é").ofMinLength(110).ofMaxLength(140),
                Arbitraries.of("..", ".", "", "CON", "nul.txt", "aux", "e\u0301t\u00e9", "😀.png", "name. ", " lead"));
        return segment.list().ofMaxSize(5).map(list -> String.join("/", list));
    }

    @Provide
    Arbitrary<String> similarNames() {
        return Arbitraries.of("a.txt", "A.txt", "a~2.txt", "a", "A", "b/c.html", "B/C.HTML", "x.tar.gz", "X.tar.gz", "x~2.tar.gz");
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> hosts = Arbitraries.of("news.example", "xn--bcher-kva.example", "EXAMPLE.org:8080", "", "[::1]");
        Arbitrary<String> paths = Arbitraries.strings().withChars("abz09/._-~%20?&=#").ofMaxLength(300);
        return Combinators.combine(Arbitraries.of("http://", "https://", "urn:", "dns:", ""), hosts, paths)
                .as((scheme, host, path) -> scheme + host + (path.startsWith("/") ? path : "/" + path));
    }

    @Provide
    Arbitrary<String> mediaTypes() {
        return Arbitraries.of("text/html", "text/html; charset=utf-8", "image/jpeg", "application/pdf", "application/x-unknown", "");
    }
}
