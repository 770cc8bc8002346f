package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Whatever Tika's temporary copy is called in a run, and wherever its objects are, records and warnings read the same. */
class RunTracesProperties {

    @Property(tries = 500)
    void aMessageReadsTheSameWhateverTheCopyIsCalled(@ForAll("messages") String message,
            @ForAll @LongRange(min = 0) long first, @ForAll @LongRange(min = 0) long second,
            @ForAll("folders") String folder, @ForAll("suffixes") String suffix) {
        String one = message.replace("$", folder + "apache-tika-" + first + suffix);
        String two = message.replace("$", folder + "apache-tika-" + second + suffix);
        assertThat(RunTraces.scrub(one)).isEqualTo(RunTraces.scrub(two))
                .doesNotContain("apache-tika-").doesNotContain("/tmp");
    }

    @Example
    void theSevenZipPasswordMessageKeepsItsMeaning() {
        assertThat(RunTraces.scrub("Cannot read encrypted content from /tmp/apache-tika-8812734912.tmp without a password."))
                .isEqualTo("Cannot read encrypted content from (temporary file) without a password.");
        assertThat(RunTraces.scrub("cannot open /data/out/.provkit-tmp-4711-1a2b-staging/raw-3/caf%E9.txt: gone"))
                .isEqualTo("cannot open (temporary file): gone");
    }

    @Example
    void anObjectsIdentityHashIsDropped() {
        assertThat(RunTraces.scrub("org.apache.tika.exception.TikaException: TIKA-198: Illegal IOException from "
                + "org.apache.tika.parser.DefaultParser@17fc391b")).isEqualTo("org.apache.tika.exception.TikaException: "
                + "TIKA-198: Illegal IOException from org.apache.tika.parser.DefaultParser");
        assertThat(RunTraces.scrub("mail to ana@example.org")).isEqualTo("mail to ana@example.org");
    }

    @Example
    void aDocumentsOwnPathsAreLeftAlone() {
        assertThat(RunTraces.scrub("/tmp/report.docx")).isEqualTo("/tmp/report.docx");
        assertThat(RunTraces.scrub("C:\\Users\\ana\\apache-tika-notes.txt")).isEqualTo("C:\\Users\\ana\\apache-tika-notes.txt");
    }

    @Example
    void theCopysOwnNameAndTimeAreDroppedFromImageMetadata() {
        Map<String, List<String>> image = Map.of("File Name", List.of("apache-tika-123456789.tmp"),
                "File Modified Date", List.of("Thu Dec 04 15:31:02 +00:00 2026"), "File Size", List.of("16357 bytes"),
                "Exif IFD0:Make", List.of("Canon"));
        assertThat(RunTraces.clean(image)).containsOnlyKeys("File Size", "Exif IFD0:Make");
        Map<String, List<String>> own = Map.of("File Name", List.of("holiday.jpg"), "File Modified Date", List.of("2001"));
        assertThat(RunTraces.clean(own)).isEqualTo(own);
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.of("$", "Cannot read encrypted content from $ without a password.", "error in '$': bad",
                "($) truncated", "no such file: $, giving up", "[$]");
    }

    @Provide
    Arbitrary<String> folders() {
        return Arbitraries.of("", "/tmp/", "/var/tmp/provkit-2/", "/tmp/surefire-77/");
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.of(".tmp", ".jpg", ".7z", ".docx", "");
    }
}
