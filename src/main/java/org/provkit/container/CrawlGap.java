package org.provkit.container;

/**
 * An image a captured page embeds that the crawl does not hold.
 *
 * @param asset  the image and where the page names it
 * @param reason why it counts as lost: {@code not captured}, {@code captured with HTTP 404}, or where a redirect
 *               led and what became of it there
 */
public record CrawlGap(PageAsset asset, String reason) {
}
