package org.provkit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-thread scratch and spool files that replace two staged files per document. */
class StagingSpoolTest {

    @TempDir
    Path tmp;

    /** Where one appended piece landed. */
    record Piece(Path spool, long offset, byte[] bytes) {
    }

    @Test
    void eachThreadAppendsToItsOwnSpoolAndEveryPieceReadsBack() throws Exception {
        List<Piece> pieces = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (StagingSpool spool = new StagingSpool(tmp)) {
            List<Future<Piece>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    StagingSpool.Lane lane = spool.lane();
                    byte[] text = ("text of document " + n + "\n").repeat(n % 7 + 1).getBytes(StandardCharsets.UTF_8);
                    Files.write(lane.scratch(), text);
                    long at = lane.appendScratch(text.length);
                    return new Piece(lane.spool(), at, text);
                }));
            }
            for (Future<Piece> future : futures) {
                pieces.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(pieces.stream().map(Piece::spool).distinct().count()).isBetween(1L, 3L);
        for (Piece piece : pieces) {
            byte[] all = Files.readAllBytes(piece.spool());
            assertThat(Arrays.copyOfRange(all, (int) piece.offset(), (int) piece.offset() + piece.bytes().length)).isEqualTo(piece.bytes());
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.count()).isLessThanOrEqualTo(6); // a scratch and a spool a thread, not two files a document
        }
    }

    @Test
    void aTextThatGrewAfterItWasChecksummedIsRefused() throws IOException {
        try (StagingSpool spool = new StagingSpool(tmp)) {
            StagingSpool.Lane lane = spool.lane();
            Files.writeString(lane.scratch(), "longer than announced");
            assertThatThrownBy(() -> lane.appendScratch(4)).isInstanceOf(IOException.class).hasMessageContaining("grew");
        }
    }

    @Test
    void theDefaultNameFollowsTheFileListNotTheClock() {
        Instant day = Instant.parse("2026-11-28T10:00:00Z");
        List<SourceFile> files = List.of(new SourceFile(Path.of("/x/seeds/a.txt"), "seeds/a.txt", 10),
                new SourceFile(Path.of("/x/seeds/b.txt"), "seeds/b.txt", 20));
        String name = BundleService.defaultName(Path.of("/x/seeds"), day, files);
        assertThat(name).matches("seeds-20261128-[0-9a-f]{6}");
        assertThat(BundleService.defaultName(Path.of("/x/seeds"), day.plusSeconds(3600), files)).isEqualTo(name);
        List<SourceFile> grown = List.of(files.get(0), new SourceFile(Path.of("/x/seeds/b.txt"), "seeds/b.txt", 21));
        assertThat(BundleService.defaultName(Path.of("/x/seeds"), day, grown)).isNotEqualTo(name);
    }
}
