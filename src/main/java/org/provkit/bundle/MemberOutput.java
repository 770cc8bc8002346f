package org.provkit.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.provkit.container.PageAsset;
import org.provkit.extract.FileDigests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a container's members go as they are read: {@code bundle} stages their texts and keeps the rest for
 * when every capture of the bundle is known; {@code inspect} keeps the records. Members are extracted on several
 * threads: {@link #textFile} and {@link #keepText} are called on the thread that extracts a member, the others on
 * the container's reading thread, in the container's order (a nested container's start before its members, its
 * record after them).
 */
interface MemberOutput {

    /** The calling thread's file to extract a member's text into (rewritten for each member). */
    Path textFile() throws IOException;

    /** Keeps the text just extracted into {@link #textFile}; returns where it went (null when not kept). */
    JsonNode keepText(FileDigests digests) throws IOException;

    /** A member document: its record (the crawl check still to come), its kept text, the images it embeds. */
    void member(ObjectNode record, JsonNode text, List<PageAsset> assets) throws IOException;

    /** A container inside the one being read begins (its record, without its members, is {@code head}). */
    void nestedStart(ObjectNode head) throws IOException;

    /** A container inside the one being read is complete. */
    void nestedRecord(String path, ContainerRecord record) throws IOException;
}
