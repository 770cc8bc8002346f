package org.provkit.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something the document once had and lost.
 *
 * @param kind     {@code image}, {@code video}, {@code audio}, {@code attachment}, {@code embedded-object}
 * @param marker   what shows the loss: the converter placeholder text, the {@code src} value, the relationship target
 * @param line     1-based line (see {@code in}); null for package parts
 * @param credit   the party credited next to it, or null
 * @param source   {@code placeholder} (converter text), {@code html} (reference to a file not in the bundle),
 *                 {@code ooxml-external} (linked, never embedded), {@code ooxml-missing-part}, {@code crawl} (an
 *                 image of a captured page that its web archive does not hold)
 * @param target   the resolved path or address the document points to, when there is one
 * @param location where in a package ({@code word/_rels/document.xml.rels#rId5}); null otherwise
 * @param in       what {@code line} counts in: {@code text} or {@code markup}
 * @param reason   why it counts as lost, where the source alone does not say ({@code not captured},
 *                 {@code captured with HTTP 404})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissingAsset(String kind, String marker, Integer line, String credit, String source, String target,
        String location, String in, String reason) {

    public MissingAsset(String kind, String marker, Integer line, String credit, String source, String target,
            String location, String in) {
        this(kind, marker, line, credit, source, target, location, in, null);
    }

    public MissingAsset withCredit(String newCredit) {
        return new MissingAsset(kind, marker, line, newCredit, source, target, location, in, reason);
    }
}
