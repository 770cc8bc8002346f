package org.provkit.container;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC 1.0 and 1.1 files ({@code .warc}, {@code .warc.gz}) and ARC files, read in one pass with jwarc. Each
 * {@code response}, {@code resource} and {@code revisit} record is a member: a capture with its target URL, date,
 * HTTP status and content type, its block and payload digests checked, the payload staged with its encodings
 * undone. A revisit holds the content of the capture it refers to when that is in the file (read again from
 * its offset). {@code warcinfo} records name the crawler of the captures that follow. Damage costs only the
 * damaged record: the reader finds the next record and goes on.
 */
public final class WarcMembers implements ContainerReader {

    @Override
    public ContainerSummary read(Path file, Scratch scratch, MemberSink sink) throws IOException {
        Pass pass = new Pass(file, scratch, sink);
        pass.run();
        return pass.summary();
    }

    /** One reading of one file. */
    private static final class Pass {
        private final Path file;
        private final Scratch scratch;
        private final MemberSink sink;
        private final boolean gzip;
        private final long size;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Integer> recordTypes = new TreeMap<>();
        private final Set<String> versions = new LinkedHashSet<>();
        private final Map<String, Crawler> crawlers = new LinkedHashMap<>();
        private final RevisitTargets targets = new RevisitTargets();
        private Crawler lastCrawler;
        private long lastOffset = -1;
        private boolean offsetsKnown = true;
        private int ordinal;
        private int members;
        private int digestsChecked;
        private int digestMismatches;
        private boolean stopped;

        Pass(Path file, Scratch scratch, MemberSink sink) throws IOException {
            this.file = file;
            this.scratch = scratch;
            this.sink = sink;
            this.gzip = Gzip.startsWithMagic(file);
            this.size = Files.size(file);
        }

        void run() throws IOException {
            long start = 0;
            boolean first = true;
            while (start >= 0 && !stopped) {
                start = readFrom(start, first);
                first = false;
            }
        }

        /** Reads records from {@code start} until the end (-1) or damage (the offset to go on from). */
        private long readFrom(long start, boolean first) throws IOException {
            try (FileChannel channel = FileChannel.open(file)) {
                channel.position(start);
                WarcReader reader;
                try {
                    reader = new WarcReader(channel);
                } catch (IOException | RuntimeException e) {
                    return damaged(start, start, first, e);
                }
                reader.onWarning(message -> warnings.add("record at offset " + reader.position() + ": " + explain(message)));
                long last = start - 1;
                while (true) {
                    Optional<WarcRecord> next;
                    try {
                        next = reader.next();
                    } catch (IOException | RuntimeException e) {
                        // The next record is looked for from just after the last good one: a record whose
                        // Content-Length is too long swallowed the start of the next.
                        return damaged(Math.max(last, start), reader.position(), first && last < start, e);
                    }
                    if (next.isEmpty()) {
                        if (first && last < start) {
                            warnings.add("not a WARC file: it holds no record");
                        }
                        return -1;
                    }
                    WarcRecord record = next.get();
                    last = reader.position();
                    try {
                        record(record, last);
                    } catch (ContainerLimitException e) {
                        warnings.add(e.getMessage());
                        stopped = true;
                        return -1;
                    }
                }
            }
        }

        /**
         * Says what is wrong at {@code offset} and returns where the next record after {@code from} starts, or -1.
         */
        private long damaged(long from, long offset, boolean atStart, Exception e) throws IOException {
            long next = WarcResync.next(file, from + 1, gzip);
            String what = e instanceof ParsingException ? "not a WARC record"
                    : e instanceof EOFException || e instanceof java.util.zip.ZipException
                            ? "the file is cut short or its compressed data is damaged"
                            : "unreadable";
            String why = HttpCapture.describe(e);
            if (atStart && next < 0) {
                warnings.add("not a WARC file: " + what + " at offset " + offset + " (" + why + ")");
            } else {
                warnings.add("offset " + offset + ": " + what + " (" + why + "); "
                        + (next < 0 ? "nothing readable follows" : "reading goes on at the next record, offset " + next));
            }
            return next;
        }

        /** jwarc's warnings in an archivist's words. */
        private static String explain(String message) {
            return message.equals("invalid record trailer")
                    ? "it does not end where its Content-Length says (a wrong length, or damage)" : message;
        }

        private void record(WarcRecord record, long offset) throws IOException {
            String type = record.headers().sole("WARC-Type").orElse("(none)");
            recordTypes.merge(type, 1, Integer::sum);
            versions.add(record.version().toString());
            ordinal++;
            Long at = offset(offset);
            if (record instanceof WarcResponse || record instanceof WarcResource || record instanceof WarcRevisit) {
                scratch.countMember();
                capture((WarcTargetRecord) record, at);
            } else {
                other(record, at);
            }
        }

        /**
         * A record's offset; null once the file turns out to be one gzip stream for many records (jwarc then
         * reports the same compressed position for all of them), which the container's warnings say.
         */
        private Long offset(long offset) {
            // The same compressed position twice, or one at the end of the file: jwarc reads ahead in one gzip stream.
            if (gzip && offsetsKnown && (ordinal > 1 && offset == lastOffset || offset >= size)) {
                offsetsKnown = false;
                warnings.add("the file is compressed as one gzip stream, not one gzip member per record (WARC annex D):"
                        + " its records have no offsets of their own from offset " + offset + " on, and tools that seek to a"
                        + " record cannot read them");
            }
            lastOffset = offset;
            return offsetsKnown ? offset : null;
        }

        /** A record that is not a member: its digests are checked; a warcinfo names the crawler of what follows. */
        private void other(WarcRecord record, Long offset) throws IOException {
            Path block = scratch.file("block.raw");
            try {
                WarcBlock staged = WarcBlock.stage(record, block, scratch, true);
                String where = describe(record, offset);
                RecordedDigest.Result payload = isHttpMessage(record)
                        ? HttpCapture.checkPayloadAfterHeaders(block, RecordedDigest.of(record.headers().sole("WARC-Payload-Digest").orElse(null)))
                        : RecordedDigest.Result.ABSENT;
                count(combine(staged.digest(), payload));
                if (staged.truncated()) {
                    warnings.add(where + " is cut short (a truncated file, or a wrong Content-Length)");
                } else if (staged.digest() == RecordedDigest.Result.MISMATCH) {
                    warnings.add("the WARC-Block-Digest of " + where + " does not match its block: changed or damaged after capture");
                } else if (payload == RecordedDigest.Result.MISMATCH) {
                    warnings.add("the WARC-Payload-Digest of " + where + " does not match its payload: changed or damaged after capture");
                }
                if (record instanceof Warcinfo info) {
                    try {
                        Crawler crawler = WarcinfoFields.crawler(info, block);
                        lastCrawler = crawler;
                        crawlers.put(crawler.recordId() == null ? "arc:" + ordinal : crawler.recordId(), crawler);
                    } catch (IOException | RuntimeException e) {
                        warnings.add(where + ": the warcinfo record could not be read (" + HttpCapture.describe(e) + ")");
                    }
                }
            } finally {
                Files.deleteIfExists(block);
            }
        }

        private void count(RecordedDigest.Result digest) {
            if (digest == RecordedDigest.Result.OK || digest == RecordedDigest.Result.MISMATCH) {
                digestsChecked++;
            }
            if (digest == RecordedDigest.Result.MISMATCH) {
                digestMismatches++;
            }
        }

        private static String describe(WarcRecord record, Long offset) {
            String id = record.headers().sole("WARC-Record-ID").map(WarcinfoFields::unbracket).orElse(null);
            return record.headers().sole("WARC-Type").orElse("") + " record " + (id == null ? "" : id + " ")
                    + (offset == null ? "(no offset of its own)" : "at offset " + offset);
        }

        private void capture(WarcTargetRecord record, Long offset) throws IOException {
            String id = record.headers().sole("WARC-Record-ID").map(WarcinfoFields::unbracket).orElse(null);
            String url = record.target();
            List<String> memberWarnings = new ArrayList<>();
            String where = "record " + (id == null ? "" : id + " ") + (offset == null ? "(no offset of its own)" : "at offset " + offset);
            if (url == null || url.isBlank()) {
                memberWarnings.add(where + " has no WARC-Target-URI");
            }
            Instant date = date(record, where, memberWarnings);
            if (record.segmentNumber().isPresent()) {
                memberWarnings.add(where + " is segmented: only its first segment is read");
            }
            Crawler crawler = record.warcinfoID().map(uri -> crawlers.get(uri.toString())).orElse(lastCrawler);
            Path block = scratch.file("block.raw");
            Path content = null;
            try {
                Payload payload = payload(record, block, where, memberWarnings);
                RecordedDigest.Result digest = payload.digests();
                count(digest);
                Revisit revisit = null;
                Path body = payload.body();
                if (record instanceof WarcRevisit visit) {
                    revisit = revisit(visit, url, memberWarnings, where);
                    body = revisit.resolved() ? payload.body() : null;
                } else {
                    targets.add(id, url, date, record.headers().sole("WARC-Payload-Digest").orElse(null), offset, ordinal);
                }
                String name = MemberNames.capture(ordinal, url, payload.contentType());
                if (body != null) {
                    content = scratch.file(name);
                    Files.move(body, content, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Capture capture = new Capture(url, date, payload.status(), payload.contentType(), payload.location(),
                        record.headers().sole("WARC-Payload-Digest").orElse(null), digest.label(), crawler, revisit, null);
                Member member = new Member(MemberIdentity.warcRecord(name, id, record.type(), offset), capture,
                        payload.contentType(), List.copyOf(memberWarnings));
                members++;
                sink.accept(member, content);
            } finally {
                Files.deleteIfExists(block);
                if (content != null) {
                    Files.deleteIfExists(content);
                }
            }
        }

        /**
         * What a record carries, staged: for an HTTP response its status and headers and the body decoded; for a
         * resource the block itself. A revisit's block holds at most headers.
         */
        private record Payload(Integer status, String contentType, String location, Path body, RecordedDigest.Result digests) {
        }

        private Payload payload(WarcTargetRecord record, Path block, String where, List<String> memberWarnings) throws IOException {
            WarcBlock staged = WarcBlock.stage(record, block, scratch, !(record instanceof WarcRevisit));
            Long declared = record.headers().sole("Content-Length").map(Long::valueOf).orElse(null);
            if (staged.truncated()) {
                memberWarnings.add(where + " is cut short: " + staged.length() + " of its " + declared
                        + " bytes are in the file (a truncated file, or a wrong Content-Length)");
            } else if (staged.digest() == RecordedDigest.Result.MISMATCH) {
                memberWarnings.add("the WARC-Block-Digest of " + where + " does not match its block: changed or damaged after capture");
            }
            RecordedDigest.Result digests = staged.digest();
            Path body = scratch.file("payload.body");
            if (isHttp(record)) {
                HttpCapture http;
                try {
                    http = HttpCapture.parse(block);
                } catch (IOException | RuntimeException e) {
                    memberWarnings.add(where + " should hold an HTTP response but does not (" + HttpCapture.describe(e)
                            + "): its block is kept as the payload");
                    Files.copy(block, body, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return new Payload(null, null, null, body, combine(digests, RecordedDigest.Result.ABSENT));
                }
                RecordedDigest.Result payloadDigest = record instanceof WarcRevisit ? RecordedDigest.Result.ABSENT
                        : http.checkPayload(RecordedDigest.of(record.headers().sole("WARC-Payload-Digest").orElse(null)));
                if (payloadDigest == RecordedDigest.Result.MISMATCH && !staged.truncated()) {
                    memberWarnings.add("the WARC-Payload-Digest of " + where + " does not match its payload: changed or damaged after capture");
                }
                if (!(record instanceof WarcRevisit)) {
                    http.writeBody(body, scratch).forEach(w -> memberWarnings.add(where + ": " + w));
                }
                return new Payload(http.status(), http.contentType(), http.location(), body, combine(digests, payloadDigest));
            }
            Files.copy(block, body, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            RecordedDigest.Result payloadDigest = RecordedDigest.Result.ABSENT;
            RecordedDigest declaredPayload = RecordedDigest.of(record.headers().sole("WARC-Payload-Digest").orElse(null));
            if (declaredPayload != null && !(record instanceof WarcRevisit)) {
                java.security.MessageDigest digester = declaredPayload.newDigester();
                if (digester != null) {
                    try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(block), digester)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
                payloadDigest = declaredPayload.check(digester);
                if (payloadDigest == RecordedDigest.Result.MISMATCH && !staged.truncated()) {
                    memberWarnings.add("the WARC-Payload-Digest of " + where + " does not match its payload: changed or damaged after capture");
                }
            }
            String contentType = record.headers().sole("Content-Type").orElse(null);
            return new Payload(null, contentType, null, body, combine(digests, payloadDigest));
        }

        /** An HTTP request or response (whose payload follows its headers). */
        private static boolean isHttpMessage(WarcRecord record) {
            return record.contentType().base().equals(MediaType.HTTP);
        }

        private static boolean isHttp(WarcRecord record) {
            MediaType type = record.contentType();
            return type.base().equals(MediaType.HTTP) && !"request".equalsIgnoreCase(type.parameters().get("msgtype"));
        }

        /** The record's verdict from its block and payload checks: any mismatch wins, then any pass. */
        private static RecordedDigest.Result combine(RecordedDigest.Result block, RecordedDigest.Result payload) {
            if (block == RecordedDigest.Result.MISMATCH || payload == RecordedDigest.Result.MISMATCH) {
                return RecordedDigest.Result.MISMATCH;
            }
            if (block == RecordedDigest.Result.OK || payload == RecordedDigest.Result.OK) {
                return RecordedDigest.Result.OK;
            }
            if (block == RecordedDigest.Result.UNCHECKED || payload == RecordedDigest.Result.UNCHECKED) {
                return RecordedDigest.Result.UNCHECKED;
            }
            return RecordedDigest.Result.ABSENT;
        }

        /** Finds the capture a revisit refers to and stages its payload in place of the revisit's. */
        private Revisit revisit(WarcRevisit visit, String url, List<String> memberWarnings, String where) throws IOException {
            String refersTo = visit.refersTo().map(uri -> WarcinfoFields.unbracket(uri.toString())).orElse(null);
            String refersToUrl = visit.refersToTargetURI().map(Object::toString).orElse(null);
            Instant refersToDate = null;
            try {
                refersToDate = visit.refersToDate().orElse(null);
            } catch (DateTimeParseException e) {
                memberWarnings.add(where + ": its WARC-Refers-To-Date is not a date");
            }
            String profile = visit.headers().sole("WARC-Profile").orElse(null);
            RevisitTargets.Target target = targets.find(refersTo, refersToUrl, refersToDate,
                    visit.headers().sole("WARC-Payload-Digest").orElse(null));
            if (target == null) {
                memberWarnings.add(where + " revisits " + (refersToUrl != null ? refersToUrl : url)
                        + (refersToDate != null ? " as captured at " + refersToDate : "")
                        + ": that capture is not in this file, so this member has no content of its own");
                return new Revisit(profile, refersTo, refersToUrl, refersToDate, null, null, false);
            }
            Path body = scratch.file("payload.body");
            if (!original(target, body, memberWarnings, where)) {
                return new Revisit(profile, refersTo, refersToUrl, refersToDate, target.recordId(), null, false);
            }
            return new Revisit(profile, refersTo, refersToUrl, refersToDate, target.recordId(), target.offset(), true);
        }

        /**
         * Stages the payload of the capture {@code target} into {@code body}; false when it cannot be read again. It
         * is read from its offset, or, in a file without offsets of their own, found again by its number.
         */
        private boolean original(RevisitTargets.Target target, Path body, List<String> memberWarnings, String where) throws IOException {
            Path block = scratch.file("revisited.raw");
            try (FileChannel channel = FileChannel.open(file)) {
                boolean seek = target.offset() != null && offsetsKnown;
                channel.position(seek ? target.offset() : 0);
                WarcReader reader = new WarcReader(channel);
                Optional<WarcRecord> record = reader.next();
                for (int skip = seek ? 0 : target.ordinal() - 1; skip > 0 && record.isPresent(); skip--) {
                    record = reader.next();
                }
                if (record.isEmpty() || !(record.get() instanceof WarcTargetRecord captured)) {
                    memberWarnings.add(where + ": the capture it revisits could not be read again");
                    return false;
                }
                Payload payload = payload(captured, block, where, new ArrayList<>());
                Files.move(payload.body(), body, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (ContainerLimitException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                memberWarnings.add(where + ": the capture it revisits could not be read again (" + HttpCapture.describe(e) + ")");
                return false;
            } finally {
                Files.deleteIfExists(block);
            }
        }

        private static Instant date(WarcRecord record, String where, List<String> memberWarnings) {
            Optional<String> value = record.headers().sole("WARC-Date");
            if (value.isEmpty()) {
                memberWarnings.add(where + " has no WARC-Date: its capture time is unknown");
                return null;
            }
            try {
                return Instant.parse(value.get().strip());
            } catch (DateTimeParseException e) {
                memberWarnings.add(where + " has a WARC-Date that is not a date (\"" + value.get() + "\")");
                return null;
            }
        }

        ContainerSummary summary() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("versions", List.copyOf(versions));
            details.put("compression", gzip ? "gzip" : "none");
            details.put("records", recordTypes);
            details.put("members", members);
            details.put("crawlers", List.copyOf(new LinkedHashSet<>(crawlers.values())));
            Map<String, Integer> digests = new LinkedHashMap<>();
            digests.put("checked", digestsChecked);
            digests.put("mismatches", digestMismatches);
            details.put("digests", digests);
            boolean arc = versions.stream().anyMatch(v -> v.startsWith("ARC"));
            return new ContainerSummary(arc ? ContainerFormat.ARC : ContainerFormat.WARC, details, List.copyOf(warnings));
        }
    }
}
