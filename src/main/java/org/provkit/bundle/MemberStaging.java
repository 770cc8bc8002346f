package org.provkit.bundle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.provkit.Json;
import org.provkit.container.PageAsset;
import org.provkit.extract.FileDigests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code bundle}'s side of a container being read, in an extraction thread: each member's text goes to the
 * thread's spool at once; its record waits, one line of a file per member, until every capture of the bundle is
 * known and the crawl check can run ({@link MemberFinisher}). Nothing of the members stays in memory.
 */
final class MemberStaging implements MemberOutput, AutoCloseable {

    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final StagingSpool spool;
    private final StagingSpool.Lane lane;
    private final BufferedWriter pending;

    /** Members of a container read by the thread of {@code lane}, extracted by threads with lanes of {@code spool}. */
    MemberStaging(StagingSpool spool, StagingSpool.Lane lane, Path pendingFile) throws IOException {
        this.spool = spool;
        this.lane = lane;
        this.pending = Files.newBufferedWriter(pendingFile, StandardCharsets.UTF_8);
    }

    @Override
    public Path textFile() throws IOException {
        return spool.lane().scratch();
    }

    @Override
    public JsonNode keepText(FileDigests digests) throws IOException {
        StagingSpool.Lane mine = spool.lane();
        long at = mine.appendScratch(digests.bytes());
        ObjectNode text = Json.mapper().createObjectNode();
        text.put("spool", mine.spool().toString());
        text.put("offset", at);
        text.put("bytes", digests.bytes());
        text.put("sha256", digests.sha256());
        text.put("sha512", digests.sha512());
        return text;
    }

    @Override
    public void member(ObjectNode record, JsonNode text, List<PageAsset> assets) throws IOException {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("kind", "member");
        line.set("record", record);
        line.set("assets", Json.mapper().valueToTree(assets));
        line.set("text", text);
        write(line);
    }

    @Override
    public void nestedStart(ObjectNode head) throws IOException {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("kind", "start");
        line.set("record", head);
        write(line);
    }

    @Override
    public void nestedRecord(String path, ContainerRecord record) throws IOException {
        StagingSpool.Region region = lane.append(record::write);
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("kind", "record");
        line.put("path", path);
        line.set("warnings", record.head().path("warnings"));
        line.set("entry", entry(region));
        write(line);
    }

    /** Where the record of the outermost container is in the spool. */
    StagingSpool.Region stage(ContainerRecord record) throws IOException {
        return lane.append(record::write);
    }

    private ObjectNode entry(StagingSpool.Region region) {
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.put("spool", lane.spool().toString());
        entry.put("offset", region.offset());
        entry.put("bytes", region.length());
        entry.put("sha256", HexFormat.of().formatHex(region.sha256()));
        entry.put("sha512", HexFormat.of().formatHex(region.sha512()));
        return entry;
    }

    private void write(ObjectNode line) throws IOException {
        pending.write(LINE.writeValueAsString(line));
        pending.newLine();
    }

    @Override
    public void close() throws IOException {
        pending.close();
    }
}
