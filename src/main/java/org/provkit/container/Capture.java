package org.provkit.container;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member that is a capture of a web resource: what the crawler fetched, when, and what it got.
 *
 * @param url           the WARC-Target-URI
 * @param date          the WARC-Date: when the capture was made
 * @param httpStatus    the HTTP status, null for a resource record or a non-HTTP capture
 * @param contentType   the HTTP Content-Type (or the resource record's), as recorded
 * @param location      the HTTP Location of a redirect
 * @param payloadDigest the WARC-Payload-Digest, as recorded
 * @param digests       what checking the recorded digests found: {@code ok}, {@code mismatch}, {@code absent}
 *                      or {@code unchecked} (an unknown algorithm)
 * @param crawler       who made the crawl, when a warcinfo record says
 * @param revisit       for a revisit record, what it refers to
 * @param page          for a capture a WACZ lists as a page, that entry of its {@code pages.jsonl}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Capture(String url, Instant date, Integer httpStatus, String contentType, String location, String payloadDigest,
        String digests,
        Crawler crawler, Revisit revisit, WaczPage page) {

    /** The same capture, as a WACZ's page list names it. */
    public Capture withPage(WaczPage listed) {
        return new Capture(url, date, httpStatus, contentType, location, payloadDigest, digests, crawler, revisit, listed);
    }
}
