package org.provkit.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC files for tests, written by jwarc's {@link WarcWriter} (one of the independent writers the issue asks
 * to read), with block and payload digests as crawlers write them (SHA-1, base32) and record IDs derived from
 * the URLs, so tests can name them.
 */
public final class TestWarcs {

    private final List<WarcRecord> records = new ArrayList<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String warcinfoId;

    public static TestWarcs create() {
        return new TestWarcs();
    }

    /** The record ID given to the capture of {@code url} (its first). */
    public String idOf(String url) {
        return ids.get(url);
    }

    public TestWarcs warcinfo(String software, String operator) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of(software));
        fields.put("operator", List.of(operator));
        fields.put("format", List.of("WARC File Format 1.1"));
        Id id = id("warcinfo:" + software);
        warcinfoId = "urn:uuid:" + id.uuid;
        records.add(new Warcinfo.Builder().recordId(id.uuid).date(Instant.parse("2024-05-01T11:59:00Z")).fields(fields).build());
        return this;
    }

    public TestWarcs page(String url, Instant date, String html) throws IOException {
        return response(url, date, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public TestWarcs response(String url, Instant date, int status, String contentType, byte[] body) throws IOException {
        HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Status " + status);
        if (status >= 300 && status < 400) {
            http.addHeader("Location", url + "/moved");
        }
        HttpResponse response = http.body(MediaType.parse(contentType), body).build();
        byte[] header = response.serializeHeader();
        Id id = id(url + " " + date);
        ids.putIfAbsent(url, "urn:uuid:" + id.uuid);
        WarcResponse.Builder record = new WarcResponse.Builder(url).recordId(id.uuid).date(date)
                .blockDigest(digest(concat(header, body))).payloadDigest(digest(body)).body(response);
        if (warcinfoId != null) {
            record.warcinfoId(java.net.URI.create(warcinfoId));
        }
        records.add(record.build());
        return this;
    }

    public TestWarcs resource(String url, Instant date, String contentType, byte[] body) {
        Id id = id(url + " " + date);
        ids.putIfAbsent(url, "urn:uuid:" + id.uuid);
        records.add(new WarcResource.Builder(java.net.URI.create(url)).recordId(id.uuid).date(date)
                .blockDigest(digest(body)).payloadDigest(digest(body)).body(MediaType.parse(contentType), body).build());
        return this;
    }

    /** A request record (not a member: what the crawler sent). */
    public TestWarcs request(String url, Instant date) throws IOException {
        HttpRequest request = new HttpRequest.Builder("GET", java.net.URI.create(url).getRawPath()).addHeader("Host", "x").build();
        records.add(new WarcRequest.Builder(url).recordId(id("request " + url + date).uuid).date(date).body(request).build());
        return this;
    }

    /** An identical-payload-digest revisit of the capture of {@code url} made at {@code original}. */
    public TestWarcs revisit(String url, Instant original, Instant date, byte[] originalBody) throws IOException {
        HttpResponse headers = new HttpResponse.Builder(200, "OK").body(MediaType.HTML_UTF8, new byte[0]).build();
        WarcRevisit.Builder record = new WarcRevisit.Builder(url, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .recordId(id("revisit " + url + date).uuid).date(date).payloadDigest(digest(originalBody))
                .refersTo(java.net.URI.create(ids.get(url)), url, original);
        records.add(record.body(headers).build());
        return this;
    }

    /** A revisit of a capture that is not in the file. */
    public TestWarcs revisitOfAbsent(String url, Instant original, Instant date) throws IOException {
        HttpResponse headers = new HttpResponse.Builder(200, "OK").body(MediaType.HTML_UTF8, new byte[0]).build();
        records.add(new WarcRevisit.Builder(url, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .recordId(id("revisit " + url + date).uuid).date(date)
                .payloadDigest(digest("elsewhere".getBytes(StandardCharsets.UTF_8)))
                .refersTo(java.net.URI.create("urn:uuid:" + UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8))), url, original)
                .body(headers).build());
        return this;
    }

    public Path write(Path file) throws IOException {
        WarcCompression compression = file.toString().endsWith(".gz") ? WarcCompression.GZIP : WarcCompression.NONE;
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), compression)) {
            for (WarcRecord record : records) {
                writer.write(record);
            }
        }
        return file;
    }

    /** SHA-1 in base32, as crawlers write WARC digests. */
    public static WarcDigest digest(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes);
            return new WarcDigest(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Id(UUID uuid) {
    }

    private static Id id(String name) {
        return new Id(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
