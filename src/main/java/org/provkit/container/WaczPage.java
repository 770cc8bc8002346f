package org.provkit.container;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a WACZ's {@code pages/pages.jsonl}: what the crawl meant to capture, as the page list names it.
 *
 * @param id    the page's id in the list
 * @param title the title the crawler saw
 * @param ts    its timestamp as written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaczPage(String id, String title, String ts) {
}
