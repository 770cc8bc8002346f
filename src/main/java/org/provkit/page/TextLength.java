package org.provkit.page;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Questions about the length of an element's {@link Element#text()} answered without building it, reading no
 * more of the element than the answer needs. The rules ask "is this box longer than 400 characters?" of every
 * ancestor of every picture and line; {@code text()} of an ancestor near the top copies the whole page each time.
 *
 * <p>Exact: each answer is the one {@code text()} would give. The walk counts characters that {@code text()}
 * surely keeps (not whitespace, not invisible formatting) and an upper bound (every character of every text
 * node, plus two separators per element); only when the limit falls between the two does it build the text.
 */
public final class TextLength {

    private TextLength() {
    }

    /** Same as {@code element.text().length() > limit}. */
    public static boolean longerThan(Element element, int limit) {
        Count count = count(element, limit);
        if (count.sure > limit) {
            return true;
        }
        if (count.most <= limit) {
            return false;
        }
        return element.text().length() > limit;
    }

    /** Same as {@code element.text().isBlank()}. */
    public static boolean isBlank(Element element) {
        Count count = count(element, 0);
        return count.sure == 0 && element.text().isBlank();
    }

    private static final class Count {
        long sure;
        long most;
    }

    private static Count count(Element element, int limit) {
        Count count = new Count();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    count.most += s.length();
                    for (int i = 0; i < s.length(); i++) {
                        if (surelyKept(s.charAt(i))) {
                            count.sure++;
                        }
                    }
                    return count.sure > limit ? FilterResult.STOP : FilterResult.CONTINUE;
                }
                if (node instanceof Element) {
                    count.most += 2;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, element);
        return count;
    }

    /** A character that {@code text()} keeps whatever surrounds it: not whitespace, not a control or format character. */
    static boolean surelyKept(char c) {
        if (c < 0x80) {
            return c > ' ' && c != 0x7f;
        }
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT;
    }
}
