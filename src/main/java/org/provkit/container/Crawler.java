package org.provkit.container;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who made a crawl, from its {@code warcinfo} record (or an ARC file's header).
 *
 * @param software  the crawler ({@code software} field), e.g. {@code Heritrix/3.4.0}, {@code Wget/1.21}
 * @param operator  the person or institution that ran it ({@code operator})
 * @param hostname  the machine it ran on ({@code hostname})
 * @param isPartOf  the collection or crawl it belongs to ({@code isPartOf})
 * @param recordId  the warcinfo record's ID, which captures name with {@code WARC-Warcinfo-ID}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Crawler(String software, String operator, String hostname, String isPartOf, String recordId) {
}
