package org.provkit.page;

import org.jsoup.nodes.Element;

/**
 * One line of an article as a reader sees it: the text of a paragraph, heading, caption or byline element (or
 * of one {@code <br>}-separated part of it).
 *
 * @param text       the text, white space collapsed
 * @param element    the innermost block element holding it
 * @param line       1-based line of the raw file where the text starts, or null
 * @param region     where it stands in the article
 * @param linkWeight how much of the text is link text (see {@link #weight})
 * @param weight     the text's weight (non-blank characters, CJK ones counted three times)
 */
public record Block(String text, Element element, Integer line, Region region, int linkWeight, int weight) {

    /** Where a block stands. */
    public enum Region {
        /** Just before the headline, in its article's header: kicker, date, byline set above the title. */
        PRE,
        /** From the headline to the body: standfirst, byline, date, lead picture. */
        HEAD,
        /** The body's paragraphs. */
        BODY,
        /** Right after the body, before anything else begins: closing credits, source lines. */
        TAIL
    }

    /** Whether the text is mostly the text of links. */
    public boolean mostlyLinks() {
        return weight > 0 && linkWeight * 2 > weight;
    }
}
