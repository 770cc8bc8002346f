package org.provkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.extract.Extraction;
import org.provkit.extract.RoutingExtractor;
import org.provkit.extract.TextLimits;
import org.provkit.extract.TikaExtractor;

/** The class-archive training covers the formats bundle hands to child JVMs, and Tika parses each. */
class TrainingDocumentsTest {

    @TempDir
    Path tmp;

    @Test
    void everyTrainingDocumentIsWrittenAndParsedAsItsFormat() throws Exception {
        List<Path> documents = TrainingDocuments.write(tmp.resolve("formats"));
        assertThat(documents).extracting(p -> p.getFileName().toString()).containsExactly("training.pdf", "training.docx",
                "training.xlsx", "training.png", "training.eml", "training.rtf", "training.xml", "training.md",
                "training.json");
        TikaExtractor extractor = new TikaExtractor(TextLimits.defaults());
        for (Path document : documents) {
            assertThat(RoutingExtractor.likelyForked(document.getFileName().toString(), Files.size(document))).as(document.toString()).isTrue();
            Extraction extraction = extractor.extract(document, tmp.resolve(document.getFileName() + ".txt"));
            assertThat(extraction.status()).as(document.toString()).isEqualTo(Extraction.Status.OK);
            assertThat(RoutingExtractor.inProcess(extraction.mediaType(), Files.size(document))).as(extraction.mediaType()).isFalse();
        }
        assertThat(Files.readString(tmp.resolve("training.pdf.txt"))).contains("Source: Prensa Latina");
        assertThat(Files.readString(tmp.resolve("training.docx.txt"))).contains("Source: Prensa Latina");
    }
}
