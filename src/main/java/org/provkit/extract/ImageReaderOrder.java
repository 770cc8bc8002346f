package org.provkit.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Puts Java's image readers in one fixed order. Two readers handle BMP, TIFF and others here (the JDK's
 * and jai-imageio's, which PDFBox brings), and Java's plug-in registry orders providers that nothing
 * orders by their identity hash, so each JVM could pick the other reader for the same file, and two
 * bundles of the same BMP differed in its metadata or error. Here the JDK's own readers come first, then
 * the rest by class name.
 */
final class ImageReaderOrder {

    private static volatile boolean installed;

    private ImageReaderOrder() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> readers = new ArrayList<>();
        registry.getServiceProviders(ImageReaderSpi.class, false).forEachRemaining(readers::add);
        readers.sort(Comparator.comparing((ImageReaderSpi r) -> !r.getClass().getName().startsWith("com.sun."))
                .thenComparing(r -> r.getClass().getName()));
        for (int i = 0; i < readers.size(); i++) {
            for (int j = i + 1; j < readers.size(); j++) {
                registry.setOrdering(ImageReaderSpi.class, readers.get(i), readers.get(j));
            }
        }
        installed = true;
    }
}
