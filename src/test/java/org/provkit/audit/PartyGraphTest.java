package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.provkit.audit.AuditReport.PartyLink;
import org.provkit.audit.AuditReport.PartyTotals;

class PartyGraphTest {

    static PartyTotals party(String name, int originated, int intermediary, int published) {
        return new PartyTotals(name, originated + intermediary + published, originated, published, intermediary, 0, true);
    }

    /** x of each party's box, by name. */
    static java.util.Map<String, Double> xs(String svg) {
        java.util.Map<String, Double> xs = new java.util.HashMap<>();
        Matcher m = Pattern.compile("data-party=\"([^\"]+)\">.*?<rect x=\"([0-9.]+)\"").matcher(svg);
        while (m.find()) {
            xs.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return xs;
    }

    @Test
    void originsLeftRelaysInTheMiddlePublishersRight() {
        List<PartyTotals> parties = List.of(party("Xinhua", 2, 0, 0), party("Prensa Latina", 5, 2, 0),
                party("Radio Habana Cuba", 0, 0, 4), party("Cubadebate", 0, 0, 3), party("AFP", 1, 0, 0));
        List<PartyLink> links = List.of(new PartyLink("Prensa Latina", "Radio Habana Cuba", 4),
                new PartyLink("Prensa Latina", "Cubadebate", 3), new PartyLink("Xinhua", "Prensa Latina", 2),
                new PartyLink("AFP", "Cubadebate", 1));
        String svg = PartyGraph.of(parties, links).svg();
        var xs = xs(svg);
        assertThat(xs.get("Xinhua")).isEqualTo(xs.get("AFP")).isLessThan(xs.get("Prensa Latina"));
        assertThat(xs.get("Prensa Latina")).isLessThan(xs.get("Radio Habana Cuba"));
        assertThat(xs.get("Radio Habana Cuba")).isEqualTo(xs.get("Cubadebate"));
        assertThat(svg).contains("data-from=\"Prensa Latina\" data-to=\"Radio Habana Cuba\" data-documents=\"4\"")
                .doesNotContain("backward");
        assertThat(PartyGraph.of(parties, links).svg()).isEqualTo(svg);
    }

    @Test
    void aCycleIsDrawnWithOneBackwardArrowAndHeavierLinksWider() {
        List<PartyTotals> parties = List.of(party("A", 3, 0, 1), party("B", 1, 0, 3));
        String svg = PartyGraph.of(parties, List.of(new PartyLink("A", "B", 3), new PartyLink("B", "A", 1))).svg();
        assertThat(svg).containsOnlyOnce("class=\"edge backward\" data-from=\"B\" data-to=\"A\"")
                .contains("class=\"edge\" data-from=\"A\" data-to=\"B\"");
        Matcher widths = Pattern.compile("stroke-width=\"([0-9.]+)\"").matcher(svg);
        List<Double> found = new java.util.ArrayList<>();
        while (widths.find()) {
            found.add(Double.parseDouble(widths.group(1)));
        }
        assertThat(found).containsExactly(12.0, 2.0);
    }

    @Test
    void namesAreEscapedAndPartiesBeyondTheColumnLimitAreCounted() {
        List<PartyTotals> many = new java.util.ArrayList<>();
        for (int i = 0; i < PartyGraph.MAX_PER_COLUMN + 5; i++) {
            many.add(party("Agency <" + i + "> & \"co\"", 1, 0, 0));
        }
        PartyGraph graph = PartyGraph.of(many, List.of());
        assertThat(graph.hiddenParties()).isEqualTo(5);
        assertThat(graph.svg()).doesNotContain("<0>").contains("Agency &lt;0&gt; &amp; &quot;co&quot;");
    }
}
