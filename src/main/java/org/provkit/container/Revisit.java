package org.provkit.container;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A revisit record: the crawler saw the same content again and stored only a reference to it.
 *
 * @param profile        the WARC-Profile (identical payload digest, or server not modified)
 * @param refersTo       the WARC-Refers-To record ID, when given
 * @param refersToUrl    the WARC-Refers-To-Target-URI, when given
 * @param refersToDate   the WARC-Refers-To-Date, when given
 * @param resolvedRecord the record ID of the capture whose content this member holds, null when it is not in
 *                       the container
 * @param resolvedOffset that capture's offset in the container, or null
 * @param resolved       whether this member holds that capture's content
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Revisit(String profile, String refersTo, String refersToUrl, Instant refersToDate, String resolvedRecord,
        Long resolvedOffset, boolean resolved) {
}
