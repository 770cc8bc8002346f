package org.provkit.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.provkit.container.CaptureIndex;
import org.provkit.container.CrawlCheck;
import org.provkit.container.PageAsset;
import org.provkit.extract.FileDigests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code inspect}'s side of containers: every record kept in the order it prints them (a container, then its
 * members, a nested container where it stands), the crawl check run once every input is read.
 */
final class InspectedMembers implements MemberOutput {

    private final Path textFile;
    private final List<ObjectNode> records = new ArrayList<>();
    private final List<Checked> pages = new ArrayList<>();
    private final List<Integer> openNested = new ArrayList<>();

    private record Checked(ObjectNode record, List<PageAsset> assets) {
    }

    InspectedMembers(Path textFile) {
        this.textFile = textFile;
    }

    /** Where the container being read stands in the list (its record comes when it is complete). */
    int reserve() {
        records.add(null);
        return records.size() - 1;
    }

    void place(int index, ObjectNode record) {
        records.set(index, record);
    }

    @Override
    public Path textFile() {
        return textFile;
    }

    @Override
    public JsonNode keepText(FileDigests digests) {
        return null;
    }

    @Override
    public void member(ObjectNode record, JsonNode text, List<PageAsset> assets) {
        records.add(record);
        if (!assets.isEmpty()) {
            pages.add(new Checked(record, assets));
        }
    }

    @Override
    public void nestedStart(ObjectNode head) {
        openNested.add(reserve());
    }

    @Override
    public void nestedRecord(String path, ContainerRecord record) throws IOException {
        place(openNested.remove(openNested.size() - 1), record.toObjectNode());
    }

    /** Every record read, the captured pages' images checked against {@code captures}. */
    List<ObjectNode> finish(CaptureIndex captures) {
        for (Checked page : pages) {
            MemberRecords.addGaps(page.record(), CrawlCheck.gaps(page.assets(), captures));
        }
        return records;
    }
}
