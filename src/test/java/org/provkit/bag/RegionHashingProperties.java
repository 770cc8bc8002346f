package org.provkit.bag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Hashing by position on the pipeline's threads gives the digests of exactly the region's bytes. */
class RegionHashingProperties {

    @Property(tries = 30)
    void regionsHashLikeTheirBytes(@ForAll @IntRange(min = 0, max = 3 << 20) int before, @ForAll @IntRange(min = 0, max = 3 << 20) int length,
            @ForAll @IntRange(min = 0, max = 4096) int after, @ForAll long seed) throws IOException {
        byte[] bytes = new byte[before + length + after];
        new Random(seed).nextBytes(bytes);
        Path file = Files.createTempFile("provkit-region", ".bin");
        try {
            Files.write(file, bytes);
            BagFile target = new BagFile(0, "data/x", BagFile.Kind.FILE, length, null);
            AtomicLong progress = new AtomicLong();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); DigestPipeline pipeline = new DigestPipeline()) {
                pipeline.hashRegion(new RegionInputStream(channel, file, before, length, false),
                        EnumSet.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512), target, progress);
                pipeline.await();
            }
            for (ChecksumAlgorithm algorithm : EnumSet.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512)) {
                var digest = algorithm.newDigest();
                digest.update(bytes, before, length);
                assertThat(target.digest(algorithm)).isEqualTo(digest.digest());
            }
            assertThat(target.readError()).isNull();
            assertThat(progress.get()).isEqualTo(length);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 10)
    void largeRegionsAreExactWhetherSplitByAlgorithmOrNot(@ForAll long seed, @ForAll boolean oneOfMany) throws IOException {
        byte[] bytes = new byte[(int) DigestPipeline.SPLIT_BYTES + 12345];
        new Random(seed).nextBytes(bytes);
        Path file = Files.createTempFile("provkit-region", ".bin");
        try {
            Files.write(file, bytes);
            BagFile target = new BagFile(0, "data/big", BagFile.Kind.FILE, bytes.length, null);
            long expected = oneOfMany ? 8L * bytes.length : 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    DigestPipeline pipeline = new DigestPipeline(expected)) {
                assertThat(pipeline.splitsByAlgorithm(bytes.length)).isEqualTo(!oneOfMany);
                pipeline.hashRegion(new RegionInputStream(channel, file, 0, bytes.length, true),
                        EnumSet.allOf(ChecksumAlgorithm.class), target, new AtomicLong());
                pipeline.await();
            }
            for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
                assertThat(target.digest(algorithm)).as(algorithm.name()).isEqualTo(algorithm.newDigest().digest(bytes));
            }
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void aRegionIsSplitByAlgorithmOnlyWhenItIsMoreThanOneCoresShareOfTheWork() {
        long mib128 = 128L << 20;
        int cores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        try (DigestPipeline unknown = new DigestPipeline(); DigestPipeline fourBlobs = new DigestPipeline(4 * mib128 * cores);
                DigestPipeline single = new DigestPipeline(10L << 30)) {
            assertThat(unknown.splitsByAlgorithm(DigestPipeline.SPLIT_BYTES)).isTrue();
            assertThat(unknown.splitsByAlgorithm(DigestPipeline.SPLIT_BYTES - 1)).isFalse();
            assertThat(fourBlobs.splitsByAlgorithm(mib128)).isFalse();
            assertThat(single.splitsByAlgorithm(10L << 30)).isTrue();
            assertThat(single.splitsByAlgorithm(DigestPipeline.SPLIT_BYTES)).isFalse();
        }
    }

    @Property(tries = 10)
    void aRegionPastTheEndOfItsFileReadsShort(@ForAll @IntRange(min = 1, max = 100_000) int missing) throws IOException {
        Path file = Files.createTempFile("provkit-region", ".bin");
        try {
            Files.write(file, new byte[1000]);
            BagFile target = new BagFile(0, "data/cut", BagFile.Kind.FILE, 1000 + missing, null);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); DigestPipeline pipeline = new DigestPipeline()) {
                pipeline.hashRegion(new RegionInputStream(channel, file, 0, 1000 + missing, false),
                        EnumSet.of(ChecksumAlgorithm.SHA256), target, new AtomicLong());
                pipeline.await();
            }
            assertThat(target.digest(ChecksumAlgorithm.SHA256)).isEqualTo(ChecksumAlgorithm.SHA256.newDigest().digest(new byte[1000]));
        } finally {
            Files.delete(file);
        }
    }
}
