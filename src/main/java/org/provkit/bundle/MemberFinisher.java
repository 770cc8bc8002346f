package org.provkit.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.provkit.Json;
import org.provkit.container.CaptureIndex;
import org.provkit.container.CrawlCheck;
import org.provkit.container.PageAsset;
import org.provkit.provenance.ProvJsonWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The members of a container once every capture of the bundle is known: each captured page's images are looked
 * up in the crawl, what is lost joins its record's missing assets, the record is staged and the member enters
 * the PROV graph (a nested container before its members, as read).
 */
final class MemberFinisher {

    private static final com.fasterxml.jackson.databind.ObjectReader ASSETS = Json.mapper()
            .readerForListOf(PageAsset.class);

    private final CaptureIndex captures;
    private final StagingSpool.Lane lane;
    private final ProvJsonWriter.Incremental prov;

    MemberFinisher(CaptureIndex captures, StagingSpool.Lane lane, ProvJsonWriter.Incremental prov) {
        this.captures = captures;
        this.lane = lane;
        this.prov = prov;
    }

    /** Takes one finished member; may fail with an I/O error. */
    @FunctionalInterface
    interface Finished {
        void accept(BundleService.BundledDocument member) throws IOException;
    }

    /** Hands each member in {@code pending} to {@code documents}, as a document whose payload is staged, in order. */
    void finish(Path pending, Finished documents) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(pending, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode item = Json.mapper().readTree(line);
                switch (item.path("kind").asText()) {
                    case "start" -> prov.add(MemberRecords.prov((ObjectNode) item.path("record"), true));
                    case "member" -> documents.accept(member(item));
                    case "record" -> documents.accept(nestedRecord(item));
                    default -> throw new IOException(pending + ": unknown line " + item.path("kind"));
                }
            }
        }
    }

    private BundleService.BundledDocument member(JsonNode item) throws IOException {
        ObjectNode record = (ObjectNode) item.path("record");
        List<PageAsset> assets = ASSETS.readValue(item.path("assets"));
        if (!assets.isEmpty()) {
            MemberRecords.addGaps(record, CrawlCheck.gaps(assets, captures));
        }
        String path = record.path("path").asText();
        byte[] bytes = Json.mapper().writeValueAsBytes(record);
        long at = lane.append(bytes);
        JsonNode text = item.path("text");
        List<PayloadEntry> staged = List.of(
                PayloadEntry.of(BagPaths.text(path), Path.of(text.path("spool").asText()), text.path("offset").asLong(),
                        text.path("bytes").asLong(), text.path("sha256").asText(), text.path("sha512").asText(), false),
                new PayloadEntry(BagPaths.record(path), lane.spool(), at, bytes.length,
                        org.provkit.bag.ChecksumAlgorithm.SHA256.newDigest().digest(bytes),
                        org.provkit.bag.ChecksumAlgorithm.SHA512.newDigest().digest(bytes), false));
        prov.add(MemberRecords.prov(record, false));
        List<String> canonical = new ArrayList<>();
        record.path("urls").forEach(url -> {
            if ("canonical".equals(url.path("role").asText())) {
                canonical.add(url.path("url").asText());
            }
        });
        return new BundleService.BundledDocument(path, 0, null, staged, null, DocumentProcessor.warnings(record), canonical, null);
    }

    private BundleService.BundledDocument nestedRecord(JsonNode item) {
        String path = item.path("path").asText();
        JsonNode entry = item.path("entry");
        PayloadEntry staged = PayloadEntry.of(BagPaths.record(path), Path.of(entry.path("spool").asText()),
                entry.path("offset").asLong(), entry.path("bytes").asLong(), entry.path("sha256").asText(),
                entry.path("sha512").asText(), false);
        List<String> warnings = new ArrayList<>();
        item.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new BundleService.BundledDocument(path, 0, null, List.of(staged), null, warnings, List.of(), null);
    }
}
