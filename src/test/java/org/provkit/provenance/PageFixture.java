package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import org.provkit.page.HtmlPage;

/** Runs the page analysis on an inline HTML page with the built-in registry. */
final class PageFixture {

    static final PartyResolver RESOLVER = new PartyResolver(PartyRegistry.builtIn());
    static final TextAttributionRules TEXT_RULES = new TextAttributionRules(RESOLVER);
    private static final PageAnalysis ANALYSIS = new PageAnalysis(RESOLVER, TEXT_RULES);

    private PageFixture() {
    }

    static PageAnalysis.Result analyze(String html, String host) {
        List<String> hosts = new ArrayList<>();
        hosts.add(host);
        return ANALYSIS.analyze(HtmlPage.parse(html), hosts, new ArrayList<>());
    }

    /** The chain as party names, origin first, publisher last. */
    static List<String> chain(PageAnalysis.Result r) {
        return r.chain().stream().map(Hop::party).toList();
    }

    /** A news page: a headline, the given head lines, body paragraphs and tail, and chrome around it. */
    static String article(String headline, String head, String body, String tail) {
        return """
                <html><head><title>%1$s | Beispiel</title><meta property="og:site_name" content="Beispiel"></head><body>
                <nav><a href="/">Start</a> <a href="/welt">Welt</a></nav>
                <article><header><h1>%1$s</h1>%2$s</header>
                <div class="article-body">%3$s</div>%4$s</article>
                <aside class="related"><h3>Mehr</h3><ul><li><a href="/x">Reuters: ein anderer Bericht, mit Kommas, über etwas</a></li>
                <li><a href="/y">(AP) Noch ein anderer Bericht, mit Kommas, über etwas anderes</a></li></ul></aside>
                <footer class="site-footer"><p>© 2026 Beispiel. Alle Rechte vorbehalten.</p></footer>
                </body></html>""".formatted(headline, head, body, tail);
    }

    /** Body paragraphs long enough to be the article. */
    static String paragraphs(String... texts) {
        StringBuilder sb = new StringBuilder();
        for (String t : texts) {
            sb.append("<p>").append(t).append("</p>\n");
        }
        return sb.toString();
    }
}
