package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class WindowedReadChannelProperties {

    /** Any sequence of seeks and reads, small or larger than the window, gives the file's own bytes. */
    @Property(tries = 200)
    void readsAreTheFilesBytesWherever(@ForAll @IntRange(min = 0, max = 300_000) int fileSize, @ForAll long seed,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 200_000) Integer> lengths) throws IOException {
        byte[] bytes = new byte[fileSize];
        Random random = new Random(seed);
        random.nextBytes(bytes);
        Path file = Files.createTempFile("provkit-window", ".bin");
        try {
            Files.write(file, bytes);
            try (WindowedReadChannel channel = new WindowedReadChannel(FileChannel.open(file, StandardOpenOption.READ))) {
                assertThat(channel.size()).isEqualTo(fileSize);
                for (int length : lengths) {
                    long position = random.nextInt(3) == 0 ? channel.position() : random.nextInt(fileSize + 1000);
                    channel.position(position);
                    ByteBuffer destination = ByteBuffer.allocate(length);
                    int n = channel.read(destination);
                    long expected = Math.max(0, Math.min(length, fileSize - position));
                    if (length == 0) {
                        assertThat(n).isZero();
                    } else if (expected == 0) {
                        assertThat(n).isEqualTo(-1);
                    } else {
                        assertThat(n).isEqualTo((int) expected);
                        assertThat(Arrays.copyOf(destination.array(), n))
                                .isEqualTo(Arrays.copyOfRange(bytes, (int) position, (int) position + n));
                        assertThat(channel.position()).isEqualTo(position + n);
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
    }
}
