package org.provkit.audit;

import static org.provkit.catalog.TestBundles.doc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.provkit.catalog.TestBundles;

/** A small collection like the issue's: the seed and each sample bundled separately, plus an unattributed note. */
final class AuditFixtures {

    static final String SEED_BUNDLE = "seeds-20261128-3f9a2c.tar";
    static final String CUBADEBATE_BUNDLE = "samples-es-20261128-aa11bb.tar.gz";
    static final String AFP_BUNDLE = "samples-en-20261128-cc22dd.zip";
    static final String NOTES_BUNDLE = "notes-20261128-ee33ff";

    private AuditFixtures() {
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AuditFixtures.class.getResourceAsStream("/audit/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void writeCollection(Path archives) throws IOException {
        TestBundles.writeTar(archives, "seeds-20261128-3f9a2c", List.of(doc("seeds/000_6aef5a1f1f04ad71.txt",
                "Xi Jinping ratifie à Miguel Díaz-Canel l'amitié impérissable de la Chine", "fr", resource("seed.txt"),
                List.<String[]>of(new String[] {"Prensa Latina", "origin", "true"},
                        new String[] {"Radio Habana Cuba", "publisher", "true"}),
                List.of("Image not found or type unknown"))));
        TestBundles.writeTarGz(archives, "samples-es-20261128-aa11bb", List.of(doc("samples/es_pl_cubadebate.txt",
                "Inauguran nueva sala de lectura en biblioteca provincial", "es", resource("es_pl_cubadebate.txt"),
                List.<String[]>of(new String[] {"Prensa Latina", "origin", "true"}, new String[] {"Cubadebate", "publisher", "true"}),
                List.of("[Imagen no disponible]"))));
        TestBundles.writeZip(archives, "samples-en-20261128-cc22dd", List.of(doc("samples/en_afp_site.html",
                "Rail line reopens after two years", "en", "PARIS (AFP) - The rail line reopened on Monday.\n",
                List.<String[]>of(new String[] {"AFP", "origin", "true"}, new String[] {"Daily Courier", "publisher", "true"}),
                List.of("images/rail-bridge.jpg"))));
        TestBundles.writeDirectory(archives, NOTES_BUNDLE, List.of(doc("notes/untitled.txt", "A note", "en",
                "A note that names nobody as its author.\n", List.of(), List.of("[Image unavailable]", "[cid:image001.png@01D]"))));
    }

    /** Missing assets over the whole collection: one each, and two in the note. */
    static final int MISSING_ASSETS = 5;
}
