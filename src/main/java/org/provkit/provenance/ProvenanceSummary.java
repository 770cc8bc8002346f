package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;

/**
 * The human form of a {@link DocumentProvenance} for {@code provkit inspect}: the chain as
 * {@code Prensa Latina → Radio Habana Cuba} with each hop's evidence under it, then URLs, credits,
 * missing assets and warnings. No trailing newlines; the caller indents and prints.
 */
public final class ProvenanceSummary {

    private ProvenanceSummary() {
    }

    public static List<String> lines(DocumentProvenance p) {
        List<String> out = new ArrayList<>();
        out.add("language: " + (p.language() == null ? "unknown" : p.language()));
        out.add("title: " + (p.title() == null ? "(none)" : p.title()));
        List<Hop> chain = p.attribution().chain();
        out.add("attribution: " + (chain.isEmpty() ? "(none)" : p.attribution().describe()));
        for (Hop h : chain) {
            out.add("  " + h.party() + " (" + h.role() + (h.registered() ? "" : ", not in registry") + ")");
            for (Evidence e : h.evidence()) {
                out.add("    " + where(e) + ": " + e.text());
            }
        }
        for (UrlRef u : p.urls()) {
            if (UrlRef.CANONICAL.equals(u.role())) {
                out.add("canonical URL: " + u.url());
            }
        }
        long others = p.urls().stream().filter(u -> !UrlRef.CANONICAL.equals(u.role())).count();
        if (others > 0) {
            out.add("other URLs: " + others);
        }
        for (Credit c : p.credits()) {
            out.add("credit (" + c.asset() + "): " + c.party() + "  [" + where(c.evidence()) + ": " + c.evidence().text() + "]");
        }
        for (MissingAsset m : p.missingAssets()) {
            String at = m.line() != null ? (Evidence.IN_MARKUP.equals(m.in()) ? "markup line " : "line ") + m.line()
                    : m.location() != null ? m.location() : "?";
            out.add("missing " + m.kind() + " at " + at + ": " + m.marker() + (m.credit() == null ? "" : "  (credit: " + m.credit() + ")"));
        }
        for (String w : p.warnings()) {
            out.add("warning: " + w);
        }
        return out;
    }

    private static String where(Evidence e) {
        String line = e.line() == null ? "" : (Evidence.IN_MARKUP.equals(e.in()) ? "markup line " : "line ") + e.line();
        if (e.field() == null) {
            return line;
        }
        return line.isEmpty() ? e.field() : e.field() + ", " + line;
    }
}
