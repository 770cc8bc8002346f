package org.provkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.container.ReadMembers.Seen;

/** WARC and ARC files read as members: one capture per response, resource and revisit record. */
class WarcMembersTest {

    @TempDir
    Path tmp;

    static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

    List<Seen> read(Path warc, List<String> warnings) throws IOException {
        ReadMembers read = ReadMembers.of(new WarcMembers(), warc, tmp.resolve("scratch"));
        warnings.addAll(read.warnings());
        lastSummary = read.summary();
        return read.members();
    }

    ContainerSummary lastSummary;

    @Test
    void eachResponseIsAMemberWithItsUrlDateStatusAndDecodedPayload() throws IOException {
        for (String name : List.of("crawl.warc", "crawl.warc.gz")) {
            Path warc = TestWarcs.create().warcinfo("Heritrix/3.4.0", "Example Archive")
                    .request("https://news.example/a.html", T)
                    .page("https://news.example/a.html", T, "<html><title>A</title><p>First story</p></html>")
                    .page("https://news.example/b.html", T.plusSeconds(5), "<html><title>B</title><p>Second story</p></html>")
                    .response("https://news.example/missing.jpg", T.plusSeconds(6), 404, "text/html", "gone".getBytes(StandardCharsets.UTF_8))
                    .resource("urn:example:note", T.plusSeconds(7), "text/plain", "a note".getBytes(StandardCharsets.UTF_8))
                    .write(tmp.resolve(name));
            List<String> warnings = new ArrayList<>();
            List<Seen> members = read(warc, warnings);
            assertThat(warnings).as(name).isEmpty();
            assertThat(members).as(name).hasSize(4);
            Seen a = members.get(0);
            assertThat(a.member().identity().kind()).isEqualTo("warc-record");
            assertThat(a.member().identity().recordType()).isEqualTo("response");
            assertThat(a.member().name()).isEqualTo("000003_news.example_a.html");
            assertThat(a.member().capture().url()).isEqualTo("https://news.example/a.html");
            assertThat(a.member().capture().date()).isEqualTo(T);
            assertThat(a.member().capture().httpStatus()).isEqualTo(200);
            assertThat(a.member().capture().contentType()).isEqualTo("text/html;charset=utf-8");
            assertThat(a.member().capture().digests()).isEqualTo("ok");
            assertThat(a.member().capture().crawler().software()).isEqualTo("Heritrix/3.4.0");
            assertThat(a.member().capture().crawler().operator()).isEqualTo("Example Archive");
            assertThat(new String(a.content(), StandardCharsets.UTF_8)).isEqualTo("<html><title>A</title><p>First story</p></html>");
            assertThat(members.get(2).member().capture().httpStatus()).isEqualTo(404);
            assertThat(members.get(3).member().identity().recordType()).isEqualTo("resource");
            assertThat(members.get(3).member().capture().httpStatus()).isNull();
            assertThat(new String(members.get(3).content(), StandardCharsets.UTF_8)).isEqualTo("a note");
            assertThat(members.get(0).member().identity().offset()).isLessThan(members.get(1).member().identity().offset());
            assertThat(lastSummary.details()).containsEntry("members", 4);
            assertThat(lastSummary.details().get("records")).isEqualTo(Map.of("warcinfo", 1, "request", 1, "response", 3, "resource", 1));
        }
    }

    @Test
    void aRevisitHoldsTheContentOfTheCaptureItRefersTo() throws IOException {
        byte[] body = "<html><p>Unchanged story</p></html>".getBytes(StandardCharsets.UTF_8);
        Path warc = TestWarcs.create()
                .response("https://news.example/a.html", T, 200, "text/html", body)
                .revisit("https://news.example/a.html", T, T.plusSeconds(86400), body)
                .revisitOfAbsent("https://news.example/gone.html", T.minusSeconds(86400), T.plusSeconds(60))
                .write(tmp.resolve("revisits.warc.gz"));
        List<String> warnings = new ArrayList<>();
        List<Seen> members = read(warc, warnings);
        assertThat(members).hasSize(3);
        Seen revisit = members.get(1);
        assertThat(revisit.member().capture().date()).isEqualTo(T.plusSeconds(86400));
        assertThat(revisit.member().capture().revisit().resolvedOffset()).isEqualTo(members.get(0).member().identity().offset());
        assertThat(revisit.content()).isEqualTo(body);
        Seen absent = members.get(2);
        assertThat(absent.content()).isNull();
        assertThat(absent.member().warnings()).singleElement().asString().contains("not in this file");
    }
}
