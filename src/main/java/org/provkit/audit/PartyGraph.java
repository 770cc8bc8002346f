package org.provkit.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.provkit.audit.AuditReport.PartyLink;
import org.provkit.audit.AuditReport.PartyTotals;

/**
 * The parties of a collection as an inline SVG graph, laid out deterministically in layers from left to
 * right: each party sits one layer after the furthest party that passes documents to it (longest path),
 * parties that pass nothing on sit in the last layer (publishers right), and a party named alone sits by
 * the role it plays. Links that would close a cycle are drawn dashed, against the flow. Within a layer,
 * parties are ordered next to the parties they link to (barycentre sweeps) to keep arrows short. An
 * arrow's width grows with the number of documents; its label gives that number. Node colours give the
 * role a party plays most often (origin, intermediary, publisher).
 */
final class PartyGraph {

    static final int WIDTH = 1120;
    static final int MAX_PER_COLUMN = 40;
    private static final int MAX_NODE_WIDTH = 230;
    private static final int MIN_COLUMN_GAP = 60;
    private static final int NODE_HEIGHT = 44;
    private static final int GAP = 24;
    private static final int TOP = 16;
    private static final int MARGIN = 12;
    private static final String[] ROLE_CLASSES = {"origin", "intermediary", "publisher"};

    record Node(PartyTotals party, int layer, double x, double y, double width) {
        double right() {
            return x + width;
        }

        double middle() {
            return y + NODE_HEIGHT / 2.0;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Labels already placed in each gap, to set the next one aside. */
    private final Map<String, Integer> labelsInGap = new HashMap<>();
    private final List<PartyLink> links = new ArrayList<>();
    private final int hiddenParties;
    private final int height;

    private PartyGraph(List<PartyTotals> parties, List<PartyLink> allLinks) {
        Map<String, PartyTotals> shown = new LinkedHashMap<>();
        for (PartyTotals party : parties) {
            if (party.documents() > 0) {
                shown.put(party.name(), party);
            }
        }
        List<PartyLink> usable = allLinks.stream()
                .filter(l -> shown.containsKey(l.from()) && shown.containsKey(l.to())).toList();
        Map<String, Integer> layers = layers(shown, usable);
        int layerCount = layers.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<PartyTotals>> columns = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            columns.add(new ArrayList<>());
        }
        shown.values().forEach(p -> columns.get(layers.get(p.name())).add(p));
        int hidden = 0;
        for (List<PartyTotals> column : columns) {
            column.sort(Comparator.comparingInt(PartyTotals::documents).reversed().thenComparing(PartyTotals::name));
            while (column.size() > MAX_PER_COLUMN) {
                column.remove(column.size() - 1);
                hidden++;
            }
        }
        hiddenParties = hidden;
        orderByNeighbours(columns, usable);
        double nodeWidth = Math.min(MAX_NODE_WIDTH,
                (WIDTH - 2.0 * MARGIN - (layerCount - 1) * MIN_COLUMN_GAP) / layerCount);
        int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
        height = Math.max(1, tallest) * (NODE_HEIGHT + GAP) - GAP + 2 * TOP;
        for (int c = 0; c < layerCount; c++) {
            List<PartyTotals> column = columns.get(c);
            double x = layerCount == 1 ? (WIDTH - nodeWidth) / 2
                    : MARGIN + c * (WIDTH - 2.0 * MARGIN - nodeWidth) / (layerCount - 1);
            double columnHeight = column.size() * (NODE_HEIGHT + GAP) - GAP;
            double y = (height - columnHeight) / 2.0;
            for (PartyTotals party : column) {
                nodes.put(party.name(), new Node(party, c, x, y, nodeWidth));
                y += NODE_HEIGHT + GAP;
            }
        }
        for (PartyLink link : usable) {
            if (nodes.containsKey(link.from()) && nodes.containsKey(link.to())) {
                links.add(link);
            }
        }
    }

    static PartyGraph of(List<PartyTotals> parties, List<PartyLink> links) {
        return new PartyGraph(parties, links);
    }

    /** The role a party plays most often: 0 origin, 1 intermediary, 2 publisher (a tie of origin and publisher: publisher). */
    static int roleOf(PartyTotals party) {
        if (party.intermediary() > party.originated() && party.intermediary() > party.published()) {
            return 1;
        }
        return party.originated() > party.published() ? 0 : 2;
    }

    /** Longest-path layers over the links, heaviest links first, skipping any link that would close a cycle. */
    private static Map<String, Integer> layers(Map<String, PartyTotals> parties, List<PartyLink> links) {
        Map<String, List<String>> next = new HashMap<>();
        for (PartyLink link : links) {
            if (!reaches(next, link.to(), link.from())) {
                next.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(link.to());
            }
        }
        Map<String, Integer> layer = new HashMap<>();
        for (String party : parties.keySet()) {
            depth(party, next, layer);
        }
        int last = 0;
        for (String party : parties.keySet()) {
            if (next.containsKey(party)) {
                last = Math.max(last, layer.get(party) + 1);
            }
        }
        java.util.Set<String> targets = new java.util.HashSet<>();
        next.values().forEach(targets::addAll);
        for (String party : parties.keySet()) {
            boolean source = next.containsKey(party);
            boolean target = targets.contains(party);
            if (!source && target) {
                layer.put(party, last);
            } else if (!source) {
                layer.put(party, roleOf(parties.get(party)) == 0 || last == 0 ? 0 : last);
            }
        }
        return layer;
    }

    private static int depth(String party, Map<String, List<String>> next, Map<String, Integer> layer) {
        Integer known = layer.get(party);
        if (known != null) {
            return known;
        }
        layer.put(party, 0);
        int deepest = 0;
        for (Map.Entry<String, List<String>> edge : next.entrySet()) {
            if (edge.getValue().contains(party)) {
                deepest = Math.max(deepest, depth(edge.getKey(), next, layer) + 1);
            }
        }
        layer.put(party, deepest);
        return deepest;
    }

    private static boolean reaches(Map<String, List<String>> next, String from, String to) {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(from));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String party = todo.pop();
            if (party.equals(to)) {
                return true;
            }
            if (seen.add(party)) {
                todo.addAll(next.getOrDefault(party, List.of()));
            }
        }
        return false;
    }

    /** Barycentre ordering: a sweep right by predecessors, one left by successors, one right again. */
    private static void orderByNeighbours(List<List<PartyTotals>> columns, List<PartyLink> links) {
        Map<String, Double> rank = new HashMap<>();
        ranks(columns.get(0), rank);
        for (int c = 1; c < columns.size(); c++) {
            sortByNeighbours(columns.get(c), links, rank, true);
        }
        for (int c = columns.size() - 2; c >= 0; c--) {
            sortByNeighbours(columns.get(c), links, rank, false);
        }
        for (int c = 1; c < columns.size(); c++) {
            sortByNeighbours(columns.get(c), links, rank, true);
        }
    }

    private static void sortByNeighbours(List<PartyTotals> column, List<PartyLink> links, Map<String, Double> rank,
            boolean byPredecessors) {
        Map<String, double[]> sums = new HashMap<>();
        for (PartyLink link : links) {
            String self = byPredecessors ? link.to() : link.from();
            Double other = rank.get(byPredecessors ? link.from() : link.to());
            if (other != null) {
                double[] sum = sums.computeIfAbsent(self, k -> new double[2]);
                sum[0] += other * link.documents();
                sum[1] += link.documents();
            }
        }
        Map<String, Double> key = new HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            double[] sum = sums.get(column.get(i).name());
            key.put(column.get(i).name(), sum == null ? rank.getOrDefault(column.get(i).name(), (double) i) : sum[0] / sum[1]);
        }
        column.sort(Comparator.comparingDouble((PartyTotals p) -> key.get(p.name()))
                .thenComparing(Comparator.comparingInt(PartyTotals::documents).reversed())
                .thenComparing(PartyTotals::name));
        ranks(column, rank);
    }

    private static void ranks(List<PartyTotals> column, Map<String, Double> rank) {
        for (int i = 0; i < column.size(); i++) {
            rank.put(column.get(i).name(), (double) i);
        }
    }

    int hiddenParties() {
        return hiddenParties;
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    String svg() {
        StringBuilder svg = new StringBuilder();
        boolean backward = links.stream().anyMatch(l -> nodes.get(l.to()).layer() <= nodes.get(l.from()).layer());
        int height = this.height + (backward ? 70 : 0);
        svg.append("<svg id=\"party-graph\" class=\"graph\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"Attribution graph: arrows lead from the origin of"
                        + " documents to their publishers\">\n");
        int max = links.stream().mapToInt(PartyLink::documents).max().orElse(1);
        svg.append("<g class=\"edges\">\n");
        StringBuilder labels = new StringBuilder();
        for (PartyLink link : links) {
            edge(svg, labels, nodes.get(link.from()), nodes.get(link.to()), link, max);
        }
        svg.append("</g>\n<g class=\"edge-labels\">\n").append(labels).append("</g>\n<g class=\"nodes\">\n");
        for (Node node : nodes.values()) {
            node(svg, node);
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static double strokeWidth(int documents, int max) {
        if (max <= 1) {
            return 2.5;
        }
        return 2 + 10 * Math.sqrt((documents - 1) / (double) (max - 1));
    }

    private void edge(StringBuilder svg, StringBuilder labels, Node from, Node to, PartyLink link, int max) {
        double width = strokeWidth(link.documents(), max);
        double head = 8 + width;
        boolean forward = to.layer() > from.layer();
        double x = forward ? from.right() : from.x() + from.width() / 2;
        double y = forward ? from.middle() : from.y() + NODE_HEIGHT;
        double x2 = to.x();
        double y2 = to.middle();
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "M%.1f,%.1f", x, y));
        double labelX;
        double labelY;
        if (forward && to.layer() - from.layer() > 1) {
            // through the gaps of the layers in between, so that no arrow runs under a party it does not touch
            double[] first = null;
            for (int layer = from.layer() + 1; layer < to.layer(); layer++) {
                double[] span = layerSpan(layer);
                if (span == null) {
                    continue;
                }
                double along = (span[0] - from.right()) / (x2 - from.right());
                double gapY = gapNear(layer, from.middle() + along * (y2 - from.middle()));
                curve(d, x, y, span[0], gapY, false);
                d.append(String.format(Locale.ROOT, " L%.1f,%.1f", span[1], gapY));
                if (first == null) {
                    int taken = labelsInGap.merge(layer + "@" + gapY, 1, Integer::sum) - 1;
                    double offset = (taken + 1) / 2 * 40.0 * (taken % 2 == 0 ? 1 : -1);
                    first = new double[] {(span[0] + span[1]) / 2 + offset, gapY};
                }
                x = span[1];
                y = gapY;
            }
            double[] middle = curve(d, x, y, x2 - head, y2, false);
            labelX = first == null ? middle[0] : first[0];
            labelY = first == null ? middle[1] : first[1];
        } else {
            double[] middle = curve(d, x, y, x2 - head, y2, !forward);
            labelX = middle[0];
            labelY = middle[1];
        }
        svg.append("<g class=\"edge").append(forward ? "" : " backward").append("\" data-from=\"")
                .append(Html.escape(link.from())).append("\" data-to=\"").append(Html.escape(link.to()))
                .append("\" data-documents=\"").append(link.documents()).append("\">");
        svg.append("<title>").append(Html.escape(link.from())).append(" → ").append(Html.escape(link.to())).append(": ")
                .append(TextReport.plural(link.documents(), "document")).append("</title>");
        svg.append(String.format(Locale.ROOT, "<path d=\"%s\" stroke-width=\"%.1f\"/>", d, width));
        svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x2 - head,
                y2 - head / 2, x2, y2, x2 - head, y2 + head / 2));
        String label = Integer.toString(link.documents());
        double labelWidth = 12 + 7 * label.length();
        labels.append("<g data-from=\"").append(Html.escape(link.from())).append("\" data-to=\"")
                .append(Html.escape(link.to())).append("\">");
        labels.append(String.format(Locale.ROOT, "<rect class=\"count\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\""
                + " rx=\"9\"/><text class=\"count\" x=\"%.1f\" y=\"%.1f\">%s</text>", labelX - labelWidth / 2, labelY - 9,
                labelWidth, labelX, labelY + 4, label));
        labels.append("</g>\n");
        svg.append("</g>\n");
    }

    /** Appends a cubic curve leaving and arriving horizontally (downwards first when {@code down}); returns its middle. */
    private static double[] curve(StringBuilder d, double x1, double y1, double x2, double y2, boolean down) {
        double bend = down ? 80 : Math.max(20, (x2 - x1) / 2);
        double c1x = down ? x1 : x1 + bend;
        double c1y = down ? y1 + bend : y1;
        double c2x = x2 - bend;
        d.append(String.format(Locale.ROOT, " C%.1f,%.1f %.1f,%.1f %.1f,%.1f", c1x, c1y, c2x, y2, x2, y2));
        return new double[] {(x1 + 3 * c1x + 3 * c2x + x2) / 8, (y1 + 3 * c1y + 3 * y2 + y2) / 8};
    }

    /** Left and right x of a layer's parties. */
    private double[] layerSpan(int layer) {
        for (Node node : nodes.values()) {
            if (node.layer() == layer) {
                return new double[] {node.x(), node.right()};
            }
        }
        return null;
    }

    /** The free height in a layer (between, above or below its parties) nearest to {@code wanted}. */
    private double gapNear(int layer, double wanted) {
        List<Node> column = nodes.values().stream().filter(n -> n.layer() == layer)
                .sorted(Comparator.comparingDouble(Node::y)).toList();
        List<Double> gaps = new ArrayList<>();
        gaps.add(column.get(0).y() - GAP / 2.0);
        for (int i = 0; i + 1 < column.size(); i++) {
            gaps.add((column.get(i).y() + NODE_HEIGHT + column.get(i + 1).y()) / 2);
        }
        gaps.add(column.get(column.size() - 1).y() + NODE_HEIGHT + GAP / 2.0);
        return gaps.stream().min(Comparator.comparingDouble(g -> Math.abs(g - wanted))).orElse(wanted);
    }

    private static void node(StringBuilder svg, Node node) {
        PartyTotals party = node.party();
        String kind = ROLE_CLASSES[roleOf(party)];
        svg.append("<g class=\"node ").append(kind).append(Boolean.FALSE.equals(party.registered()) ? " unregistered" : "")
                .append("\" data-party=\"").append(Html.escape(party.name())).append("\">");
        svg.append("<title>").append(Html.escape(party.name())).append(": originated ").append(party.originated())
                .append(", published ").append(party.published()).append(", intermediary ").append(party.intermediary())
                .append(Boolean.FALSE.equals(party.registered()) ? " (not in the registry)" : "").append("</title>");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"8\"/>",
                node.x(), node.y(), node.width(), NODE_HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>", node.x() + 12,
                node.y() + 19, Html.escape(TextReport.shorten(party.name(), (int) ((node.width() - 20) / 8.2)))));
        svg.append(String.format(Locale.ROOT, "<text class=\"figures\" x=\"%.1f\" y=\"%.1f\">%s</text>", node.x() + 12,
                node.y() + 35, Html.escape(figures(party))));
        svg.append("</g>\n");
    }

    private static String figures(PartyTotals party) {
        List<String> parts = new ArrayList<>();
        if (party.originated() > 0) {
            parts.add(party.originated() + " originated");
        }
        if (party.intermediary() > 0) {
            parts.add(party.intermediary() + " relayed");
        }
        if (party.published() > 0) {
            parts.add(party.published() + " published");
        }
        return String.join(" · ", parts);
    }
}
