package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.io.input.UnsynchronizedByteArrayInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.mime.MediaType;
import org.provkit.TestFiles;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every installed {@link IndexedMagicDetector} answers exactly as the Tika detector it replaces. */
class IndexedMagicDetectorProperties {

    private static final List<IndexedMagicDetector> INSTALLED = MagicIndexing.install(TikaConfig.getDefaultConfig().getDetector());

    @Example
    void everyMagicClauseOfTikaIsIndexed() {
        // tika-mimetypes.xml of Tika 3.3 holds 1,385 match elements; a new Tika with other internals
        // would install none, and detection would silently be slow again.
        assertThat(INSTALLED).hasSizeGreaterThan(1300);
        assertThat(INSTALLED.stream().filter(d -> fieldsOf(d).isRegex())).isNotEmpty();
    }

    @Example
    void realFilesGetTikasAnswerFromEveryPattern() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources"), TestFiles.seeds(), Path.of("../shared/samples"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).filter(f -> sizeOf(f) < (1 << 20)).forEach(files::add);
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] prefix = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 65536 + 1024));
            for (IndexedMagicDetector d : INSTALLED) {
                assertSame(d, prefix, 0, prefix.length, file.toString());
            }
        }
    }

    @Property(tries = 400)
    void bytesAroundEachPatternGetTikasAnswer(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        IndexedMagicDetector target = INSTALLED.get(random.nextInt(INSTALLED.size()));
        byte[] data = around(target, random);
        int from = random.nextInt(4) == 0 ? random.nextInt(Math.max(1, Math.min(data.length, 16))) : 0;
        int to = random.nextInt(4) == 0 ? data.length - random.nextInt(Math.max(1, Math.min(data.length - from, 16)) ) : data.length;
        assertSame(target, data, from, Math.max(from, to), "seed " + seed);
        for (int i = 0; i < 40; i++) {
            assertSame(INSTALLED.get(random.nextInt(INSTALLED.size())), data, from, Math.max(from, to), "seed " + seed);
        }
    }

    /**
     * Made-up patterns of every shape Tika's detector takes (masks, case-insensitive strings, offset
     * ranges short and long, regexes, zero bytes that meet the zero padding past the data), on data from
     * the same few byte values so that matches, near misses and matches at the very end are common.
     */
    @Property(tries = 700)
    void madeUpPatternsGetTikasAnswer(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        byte[] alphabet = {0, 0, 'a', 'A', 'b', 'B', (byte) 0xFF, (byte) 0xDF, '<', 'x'};
        boolean isRegex = random.nextInt(6) == 0;
        boolean ignoreCase = random.nextInt(3) == 0;
        byte[] pattern;
        if (isRegex) {
            String[] regexes = {"a.b", "\\x00+a", "[A-Z]{2}", "(?:ab|ba)x", "a", "<x", "b*B", "a++b", "(?>ab|a)b?",
                "x[^<]{0,30}b", "\\bab", "^a", "a$", "(?<=a)b", "(a)\\1", "[^a]b", "(?s).{3,5}x", "\\x00{2,}"};
            pattern = regexes[random.nextInt(regexes.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            pattern = new byte[1 + random.nextInt(5)];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = alphabet[random.nextInt(alphabet.length)];
            }
        }
        byte[] mask = null;
        if (!isRegex && random.nextBoolean()) {
            mask = new byte[pattern.length + random.nextInt(2)];
            byte[] masks = {(byte) 0xFF, (byte) 0xDF, 0, 0x0F, (byte) 0xF0};
            for (int i = 0; i < mask.length; i++) {
                mask[i] = masks[random.nextInt(masks.length)];
            }
        }
        int begin = random.nextInt(4) == 0 ? 0 : random.nextInt(20);
        // Tika gives a regex an 8 KB window at each offset of its range: a long range makes the reference slow.
        int end = begin + (random.nextBoolean() ? random.nextInt(8) : random.nextInt(isRegex ? 40 : 300));
        MagicDetector tika = new MagicDetector(MediaType.parse("application/x-test"), pattern, mask, isRegex, ignoreCase, begin, end);
        IndexedMagicDetector fast = MagicIndexing.twin(tika);
        assertThat(fast).isNotNull();
        for (int t = 0; t < 10; t++) {
            byte[] data = new byte[random.nextInt(end + pattern.length + 40)];
            for (int i = 0; i < data.length; i++) {
                data[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (data.length > 0 && random.nextBoolean()) {
                int at = random.nextInt(data.length);
                for (int j = 0; j < pattern.length && at + j < data.length; j++) {
                    data[at + j] = pattern[j];
                }
            }
            int from = random.nextInt(3) == 0 && data.length > 0 ? random.nextInt(Math.min(4, data.length)) : 0;
            assertSame(fast, data, from, data.length, "seed " + seed);
        }
    }

    @Example
    void aRegexMatchLongerThanTikasWindowIsNoMatch() throws Exception {
        // find() over the whole window sees this match at offset 0, but Tika's window at each offset is
        // 8,192 characters, too short for it: the exact test at that offset must say no.
        // With "|y", the next offset matches: it must still be tried.
        for (String regex : new String[] {"x(?s).{8195}", "x(?s).{8190}", "x(?s).{8195}|y"}) {
            MagicDetector tika = new MagicDetector(MediaType.parse("application/x-test"),
                    regex.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, true, false, 0, 5);
            IndexedMagicDetector fast = MagicIndexing.twin(tika);
            byte[] data = new byte[9000];
            data[0] = 'x';
            data[1] = 'y';
            assertSame(fast, data, 0, data.length, regex);
            assertThat(fast.detect(new UnsynchronizedByteArrayInputStream(data), null))
                    .isEqualTo(regex.endsWith("|y") || regex.endsWith("8190}") ? MediaType.parse("application/x-test") : MediaType.OCTET_STREAM);
        }
    }

    /** Data of a random kind and length that holds the detector's pattern (or a near miss) near the edges of its range. */
    private static byte[] around(IndexedMagicDetector d, Random random) {
        IndexedMagicDetector.MagicDetectorFields f = fieldsOf(d);
        int range = f.end() - f.begin();
        int length = Math.min(20_000, random.nextInt(f.begin() + range + f.length() + 64 + 1));
        byte[] data = new byte[length];
        switch (random.nextInt(4)) {
            case 0 -> random.nextBytes(data);
            case 1 -> {
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) (" etaoinshrdlu<>/=\"\n"  + "ETAOIN").charAt(random.nextInt(25));
                }
            }
            case 2 -> { } // zeros
            default -> java.util.Arrays.fill(data, f.pattern().length > 0 ? f.pattern()[0] : 0);
        }
        int copies = 1 + random.nextInt(3);
        for (int c = 0; c < copies; c++) {
            int[] places = {f.begin() + (range == 0 ? 0 : random.nextInt(range + 1)), f.begin(), f.end(), f.end() + 1,
                    f.begin() - 1, length - f.pattern().length, length - f.pattern().length + 1, random.nextInt(length + 1)};
            int at = places[random.nextInt(places.length)];
            for (int j = 0; j < f.pattern().length; j++) {
                int p = at + j;
                if (p < 0 || p >= length) {
                    continue;
                }
                byte b = f.pattern()[j];
                if (random.nextInt(8) == 0) {
                    b = (byte) Character.toUpperCase(b); // a case variant
                }
                if (random.nextInt(40) == 0) {
                    b = (byte) random.nextInt(256); // a near miss
                }
                data[p] = b;
            }
        }
        return data;
    }

    private static void assertSame(IndexedMagicDetector fast, byte[] data, int from, int to, String what) throws IOException {
        MagicDetector tika = fast.tika();
        MediaType expected = tika.detect(new UnsynchronizedByteArrayInputStream(data, from, to - from), null);
        MediaType actual = fast.detect(new UnsynchronizedByteArrayInputStream(data, from, to - from), null);
        assertThat(actual).as(what + " " + tika).isSameAs(expected);
    }

    private static IndexedMagicDetector.MagicDetectorFields fieldsOf(IndexedMagicDetector d) {
        return d.fields();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
