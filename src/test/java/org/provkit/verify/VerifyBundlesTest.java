package org.provkit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.provkit.CliRun;
import org.provkit.Json;
import org.provkit.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

/** Issue 5 on real provkit bundles: every format verifies; damage of every kind is caught and named. */
class VerifyBundlesTest {

    static Path tmp;
    static Path bundles;
    static Path keyDir;

    /** At the end of the test JVM: the jqwik property below runs on another engine, after JUnit's @AfterAll. */
    private static void removeBundlesAtExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind is no test failure
            }
        }));
    }

    @BeforeAll
    static void makeBundles() throws IOException {
        tmp = Files.createTempDirectory("provkit-verify-test");
        removeBundlesAtExit(tmp);
        bundles = tmp.resolve("archives");
        keyDir = tmp.resolve("key");
        CliRun key = CliRun.inProcess("keys", "generate", "--out", keyDir.toString(), "--subject", "CN=Verify Test");
        assertThat(key.exitCode()).as(key.err()).isZero();
        for (String format : List.of("tar", "tar.gz", "zip", "dir")) {
            CliRun run = CliRun.inProcess("bundle", TestFiles.seeds().toString(), "-o", bundles.toString(), "--format", format,
                    "--name", "seed-" + format.replace('.', '-'), "--key", keyDir.resolve("signing-key.pem").toString(),
                    "--cert", keyDir.resolve("signing-cert.pem").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-tar.tar", "seed-tar-gz.tar.gz", "seed-zip.zip", "seed-dir"})
    void everyFormatVerifiesSignedAndTrusted(String name) throws IOException {
        CliRun run = CliRun.inProcess("verify", bundles.resolve(name).toString(), "--json", "--trust",
                keyDir.resolve("signing-cert.pem").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode target = Json.mapper().readTree(run.out()).path("targets").get(0);
        assertThat(target.path("valid").asBoolean()).isTrue();
        assertThat(target.path("signed").asBoolean()).isTrue();
        assertThat(target.path("trusted").asBoolean()).isTrue();
        assertThat(target.path("signer").asText()).contains("Verify Test");
        assertThat(target.path("payloadFiles").asInt()).isEqualTo(4);
    }

    @Test
    void dataAfterAGzipCompressedTarIsAWarning() throws IOException {
        byte[] bytes = Files.readAllBytes(bundles.resolve("seed-tar-gz.tar.gz"));
        CliRun clean = CliRun.inProcess("verify", bundles.resolve("seed-tar-gz.tar.gz").toString());
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).doesNotContain("W_TRAILING_DATA");

        Path garbage = tmp.resolve("garbage.tar.gz");
        Files.write(garbage, bytes);
        Files.write(garbage, "appended by someone".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        CliRun run = CliRun.inProcess("verify", garbage.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("W_TRAILING_DATA").contains("19 bytes after its gzip stream");

        // A second bundle appended as a second gzip member: gunzip would join them, tar reads the first.
        Path twice = tmp.resolve("twice.tar.gz");
        Files.write(twice, bytes);
        Files.write(twice, bytes, java.nio.file.StandardOpenOption.APPEND);
        run = CliRun.inProcess("verify", twice.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("W_TRAILING_DATA").contains(bytes.length + " bytes after its gzip stream");
    }

    /** A copy of the seed tar with one bit flipped, in a random entry. */
    private record Flip(String entry, int offset, int offsetInHeader, Path damaged) {
        @Override
        public String toString() {
            return entry + " @" + offset;
        }
    }

    /** Flips one bit of a random entry: in its ustar header (the 512 bytes before its data), or in its data. */
    private static Flip flipOneBit(long seed, boolean inHeader) throws IOException {
        Path original = bundles.resolve("seed-tar.tar");
        byte[] bytes = Files.readAllBytes(original);
        List<TarArchiveEntry> entries;
        try (org.apache.commons.compress.archivers.tar.TarFile tar = new org.apache.commons.compress.archivers.tar.TarFile(original)) {
            entries = tar.getEntries();
        }
        java.util.Random random = new java.util.Random(seed);
        TarArchiveEntry entry = entries.get(random.nextInt(entries.size()));
        int offset = (int) (inHeader ? entry.getDataOffset() - 512 + random.nextInt(512)
                : entry.getDataOffset() + random.nextInt((int) entry.getSize()));
        bytes[offset] ^= (byte) (1 << random.nextInt(8));
        Path damaged = Files.createTempFile(tmp, "flip", ".tar");
        Files.write(damaged, bytes);
        return new Flip(entry.getName(), offset, (int) (offset - (entry.getDataOffset() - 512)), damaged);
    }

    /**
     * A flipped bit in a tar header is never silent: the fields the bag depends on (name, size, type)
     * make it invalid, and any other field (mode, time, owner, padding) breaks the header's checksum,
     * a warning that names the entry. Found by flipping every header byte: Commons Compress reads a
     * header with a wrong checksum as it stands, so a flip in a field BagIt does not cover passed as OK.
     * The one exception is a flip in the checksum field that leaves its value as it was.
     */
    @net.jqwik.api.Property(tries = 200)
    void anyOneBitFlipInATarHeaderIsAnErrorOrAWarning(@net.jqwik.api.ForAll("offsets") long seed) throws IOException {
        Flip flip = flipOneBit(seed, true);
        CliRun run = CliRun.inProcess("verify", flip.damaged().toString());
        assertThat(run.err()).as(flip.toString()).doesNotContain("internal error");
        if (run.exitCode() == 0 && !run.out().contains("W_TAR_HEADER_CHECKSUM")) {
            // Only the checksum field's own terminator can change without changing any value a reader
            // sees (a trailing space flipped to NUL): the header is then as valid as before.
            assertThat(flip.offsetInHeader()).as(flip + ": " + run.out()).isBetween(148, 155);
        } else if (run.exitCode() != 0) {
            assertThat(run.exitCode()).as(flip + ": " + run.out() + run.err()).isIn(1, 3);
        }
    }

    @Test
    void theGoldenBundlesOfEveryFormatVersionStillVerify() throws IOException {
        Path golden = Path.of("src/test/resources/golden");
        List<Path> versions;
        try (Stream<Path> list = Files.list(golden)) {
            versions = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(versions).isNotEmpty();
        for (Path version : versions) {
            try (Stream<Path> files = Files.list(version)) {
                for (Path bundle : files.filter(p -> !p.toString().endsWith(".pem")).toList()) {
                    CliRun run = CliRun.inProcess("verify", bundle.toString(), "--trust", version.resolve("signer-cert.pem").toString());
                    assertThat(run.exitCode()).as(bundle + ": " + run.out() + run.err()).isZero();
                    assertThat(run.out()).contains("trusted");
                    // A plain tar is read by position; the same bytes gzipped are read as a stream.
                    Path gzipped = tmp.resolve(version.getFileName() + "-" + bundle.getFileName() + ".gz");
                    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
                        Files.copy(bundle, out);
                    }
                    CliRun streamed = CliRun.inProcess("verify", gzipped.toString(), "--trust", version.resolve("signer-cert.pem").toString());
                    assertThat(streamed.exitCode()).as(gzipped + ": " + streamed.out() + streamed.err()).isZero();
                }
            }
        }
    }

    /** Each kind of damage, applied to a fresh copy of the folder bundle: what it changes, and the file it must name. */
    enum Damage {
        FLIP_PAYLOAD_BIT("data/originals/seeds/000_6aef5a1f1f04ad71.txt"),
        FLIP_RECORD_BIT("data/records/seeds/000_6aef5a1f1f04ad71.txt.json"),
        DELETE_PAYLOAD("data/text/seeds/000_6aef5a1f1f04ad71.txt.txt"),
        ADD_PAYLOAD("data/originals/seeds/intruder.txt"),
        RENAME_PAYLOAD("data/provenance.json"),
        SWAP_PAYLOAD("data/provenance.json"),
        EDIT_BAG_INFO("bag-info.txt"),
        EDIT_MANIFEST("manifest-sha256.txt"),
        DAMAGE_SIGNATURE("signature/tagmanifest-sha512.txt.p7s");

        final String path;

        Damage(String path) {
            this.path = path;
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Damage.class)
    void everyKindOfDamageFailsAndNamesTheFile(Damage damage) throws IOException {
        Path bag = copy(bundles.resolve("seed-dir"), tmp.resolve("damaged-" + damage));
        Path file = bag.resolve(damage.path);
        switch (damage) {
            case FLIP_PAYLOAD_BIT, FLIP_RECORD_BIT, DAMAGE_SIGNATURE -> flipBit(file, Files.size(file) / 2, 3);
            case DELETE_PAYLOAD -> Files.delete(file);
            case ADD_PAYLOAD -> Files.writeString(file, "not listed anywhere\n");
            case RENAME_PAYLOAD -> Files.move(file, bag.resolve("data/provenance-renamed.json"));
            case SWAP_PAYLOAD -> {
                Path other = bag.resolve("data/records/seeds/000_6aef5a1f1f04ad71.txt.json");
                Path swap = bag.resolve("swap.tmp");
                Files.move(file, swap);
                Files.move(other, file);
                Files.move(swap, other);
            }
            case EDIT_BAG_INFO -> Files.writeString(file, Files.readString(file).replace("Bagging-Date", "Bagging-date"));
            case EDIT_MANIFEST -> Files.writeString(file, Files.readString(file).replaceFirst("^[0-9a-f]", "f").replaceFirst("^ff", "fe"));
        }
        CliRun run = CliRun.inProcess("verify", bag.toString());
        assertThat(run.exitCode()).as(damage + ": " + run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).as(damage.toString()).contains(damage.path);
    }

    @net.jqwik.api.Property(tries = 200)
    void anyOneBitFlipInAnyEntryOfATarIsCaught(@net.jqwik.api.ForAll("offsets") long seed) throws IOException {
        Flip flip = flipOneBit(seed, false);
        String victim = flip.entry();
        CliRun run = CliRun.inProcess("verify", flip.damaged().toString());
        assertThat(run.exitCode()).as(flip + ": " + run.out() + run.err()).isEqualTo(1);
        String relative = victim.substring(victim.indexOf('/') + 1);
        assertThat(run.out()).as(victim).contains(relative.startsWith("signature/") ? "signature" : relative);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> offsets() {
        return net.jqwik.api.Arbitraries.longs();
    }

    @Test
    void aConsistentForgerySignedByAnotherKeyIsUntrusted() throws IOException {
        Path otherKey = tmp.resolve("other-key");
        CliRun key = CliRun.inProcess("keys", "generate", "--out", otherKey.toString(), "--subject", "CN=Verify Test");
        assertThat(key.exitCode()).isZero();
        Path forged = copy(bundles.resolve("seed-dir"), tmp.resolve("forged"));
        Files.writeString(forged.resolve("data/originals/seeds/000_6aef5a1f1f04ad71.txt"), "a forged article\n");
        CliRun resign = CliRun.inProcess("bundle", forged.resolve("data/originals/seeds").toString(), "-o",
                tmp.resolve("forger").toString(), "--format", "dir", "--name", "forger", "--key",
                otherKey.resolve("signing-key.pem").toString(), "--cert", otherKey.resolve("signing-cert.pem").toString());
        assertThat(resign.exitCode()).as(resign.err()).isZero();
        Path forgery = tmp.resolve("forger/forger");
        CliRun untrusted = CliRun.inProcess("verify", forgery.toString(), "--trust", keyDir.resolve("signing-cert.pem").toString());
        assertThat(untrusted.exitCode()).as(untrusted.out()).isEqualTo(1);
        assertThat(untrusted.out()).contains("signature");
        CliRun noTrust = CliRun.inProcess("verify", forgery.toString());
        assertThat(noTrust.exitCode()).as("without --trust a self-consistent bag is valid").isZero();
    }

    @Test
    void aTruncatedArchiveFailsWithOneClearLine() throws IOException {
        byte[] bytes = Files.readAllBytes(bundles.resolve("seed-tar.tar"));
        Path truncated = tmp.resolve("truncated.tar");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = CliRun.inProcess("verify", truncated.toString());
        assertThat(run.exitCode()).isIn(1, 3);
        assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void dataAfterTheEndOfTheTarIsAWarningThatSaysWhere() throws IOException {
        byte[] bytes = Files.readAllBytes(bundles.resolve("seed-tar.tar"));
        CliRun clean = CliRun.inProcess("verify", bundles.resolve("seed-tar.tar").toString());
        assertThat(clean.out()).doesNotContain("W_TRAILING_DATA");

        Path zeros = tmp.resolve("zero-padded.tar");
        Files.write(zeros, java.util.Arrays.copyOf(bytes, bytes.length + 10240));
        assertThat(CliRun.inProcess("verify", zeros.toString()).out()).doesNotContain("W_TRAILING_DATA");

        Path appended = tmp.resolve("appended.tar");
        Files.write(appended, bytes);
        Files.write(appended, "appended after the end".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        CliRun run = CliRun.inProcess("verify", appended.toString());
        assertThat(run.exitCode()).as("the bag itself is intact").isZero();
        assertThat(run.out()).contains("W_TRAILING_DATA").contains("bytes from " + bytes.length + " ");

        Path flipped = tmp.resolve("flipped-padding.tar");
        Files.write(flipped, bytes);
        flipBit(flipped, bytes.length - 3, 4);
        CliRun flip = CliRun.inProcess("verify", flipped.toString());
        assertThat(flip.exitCode()).isZero();
        assertThat(flip.out()).contains("W_TRAILING_DATA").contains("bytes from " + (bytes.length - 3) + " ");
    }

    @Test
    void anEntryEscapingTheBagIsReportedAndNothingIsWritten() throws IOException {
        Path evil = tmp.resolve("evil.tar");
        Path outside = tmp.resolve("evil-was-here");
        try (OutputStream out = Files.newOutputStream(evil); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (String[] entry : new String[][] {{"b/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"},
                {"b/manifest-sha256.txt", ""}, {"b/../../evil-was-here", "pwned"}}) {
                byte[] data = entry[1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(entry[0], true);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        CliRun run = CliRun.inProcess("verify", evil.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).contains("evil-was-here");
        assertThat(outside).doesNotExist();
    }

    private static void flipBit(Path file, long offset, int bit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= (byte) (1 << bit);
        Files.write(file, bytes);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
