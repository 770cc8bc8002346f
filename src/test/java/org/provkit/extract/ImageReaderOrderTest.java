package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.junit.jupiter.api.Test;

/** Every JVM picks the same image reader for a format: the JDK's own when there are two. */
class ImageReaderOrderTest {

    @Test
    void theJdksReaderComesFirstForEveryFormatItReads() {
        ImageReaderOrder.install();
        for (String type : List.of("image/bmp", "image/tiff", "image/png", "image/gif", "image/jpeg")) {
            List<String> readers = new ArrayList<>();
            ImageIO.getImageReadersByMIMEType(type).forEachRemaining((ImageReader r) -> readers.add(r.getClass().getName()));
            assertThat(readers).as(type).isNotEmpty();
            assertThat(readers.get(0)).as(type + ": " + readers).startsWith("com.sun.imageio.");
        }
    }
}
