package org.provkit.container;

import java.util.List;
import java.util.Map;

/**
 * What a reader found in a container as a whole.
 *
 * @param format   the container format
 * @param details  format-specific facts for the container's record (WARC versions, record counts by
 *                 type, crawlers, a WACZ's package checks), in a stable order
 * @param warnings what is wrong with the container, each naming the member or offset
 */
public record ContainerSummary(ContainerFormat format, Map<String, Object> details, List<String> warnings) {
}
