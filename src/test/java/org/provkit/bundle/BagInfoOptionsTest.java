package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.CliRun;
import org.provkit.ExitCode;
import org.provkit.TestFiles;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;

/** bag-info.txt fields as bagit.py takes them, checked by an independent reader (bagit-java). */
class BagInfoOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void theArchivistsFieldsGoIntoBagInfo() throws Exception {
        Path out = tmp.resolve("archives");
        CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", out.toString(), "--no-sign", "--name", "seed",
                "--source-organization", "Example Archive", "--contact-name", "Ana Pérez", "--contact-email", "ana@example.org",
                "--contact-phone", "+53 7 000 0000", "--external-description", "The seed article, as received",
                "--bag-group-identifier", "cuba-2026", "--bag-count", "1 of 3", "--external-identifier", "urn:example:box-12",
                "--bag-info", "Rights=CC-BY-4.0", "--bag-info", "Internal-Sender-Identifier=box-12");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, byte[]> entries = TestFiles.tarEntries(out.resolve("seed.tar"));
        String bagInfo = new String(entries.get("seed/bag-info.txt"), StandardCharsets.UTF_8);
        assertThat(bagInfo).contains("Source-Organization: Example Archive\n", "Contact-Name: Ana Pérez\n",
                "Contact-Email: ana@example.org\n", "Contact-Phone: +53 7 000 0000\n",
                "External-Description: The seed article, as received\n", "Bag-Group-Identifier: cuba-2026\n",
                "Bag-Count: 1 of 3\n", "External-Identifier: urn:example:box-12\n", "Rights: CC-BY-4.0\n",
                "Internal-Sender-Identifier: box-12\n")
                .doesNotContain("source document with extracted text").contains("External-Identifier: https://www.radiohc.cu/");

        Bag bag = new BagReader().read(TestFiles.untar(out.resolve("seed.tar"), tmp.resolve("unpacked")));
        assertThat(bag.getMetadata().get("Contact-Name")).containsExactly("Ana Pérez");
        assertThat(bag.getMetadata().get("Bag-Group-Identifier")).containsExactly("cuba-2026");
    }

    @Test
    void computedFieldsAndMalformedOnesAreUsageErrors() {
        for (String[] args : new String[][] {{"--bag-info", "Payload-Oxum=1.1"}, {"--bag-info", "Bagging-Date=2020-01-01"},
            {"--bag-info", "no-equals-sign"}, {"--bag-info", "Bad Label : x=1"}, {"--contact-name", " "}}) {
            CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", tmp.resolve("out").toString(),
                    "--no-sign", args[0], args[1]);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(run.errIsOnePlainLine()).as(run.err()).isTrue();
        }
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
