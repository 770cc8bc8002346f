package org.provkit.container;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An image or media file a captured page embeds.
 *
 * @param kind      {@code image} (img, picture source, og:image, a video's poster)
 * @param attribute where the page names it: {@code img src}, {@code img srcset}, {@code picture source srcset},
 *                  {@code video poster}, {@code meta og:image}
 * @param reference the reference as written
 * @param url       the reference resolved against the page's URL (or its {@code <base href>})
 * @param line      the line of the page's markup it stands on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageAsset(String kind, String attribute, String reference, String url, Integer line) {
}
