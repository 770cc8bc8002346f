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
 * The parties of a collection as an inline SVG graph, laid out deterministically in layers: origins on
 * the left, intermediaries in the middle, publishers on the right (each party in the column of the role
 * it plays most often; a tie between origin and publisher counts as publisher). Within a column, parties
 * are ordered next to the parties they link to, to keep arrows short and straight. An arrow goes from
 * each party to the next one in a chain, its width growing with the number of documents.
 */
final class PartyGraph {

    static final int WIDTH = 1120;
    static final int MAX_PER_COLUMN = 40;
    private static final int NODE_WIDTH = 230;
    private static final int NODE_HEIGHT = 44;
    private static final int GAP = 16;
    private static final int TOP = 16;
    private static final int MARGIN = 12;
    private static final String[] COLUMN_CLASSES = {"origin", "intermediary", "publisher"};

    record Node(PartyTotals party, int column, double x, double y) {
        double right() {
            return x + NODE_WIDTH;
        }

        double middle() {
            return y + NODE_HEIGHT / 2.0;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<PartyLink> links = new ArrayList<>();
    private final int hiddenParties;
    private final int height;

    private PartyGraph(List<PartyTotals> parties, List<PartyLink> allLinks) {
        List<List<PartyTotals>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (PartyTotals party : parties) {
            if (party.documents() > 0) {
                columns.get(columnOf(party)).add(party);
            }
        }
        int hidden = 0;
        for (List<PartyTotals> column : columns) {
            column.sort(Comparator.comparingInt(PartyTotals::documents).reversed().thenComparing(PartyTotals::name));
            while (column.size() > MAX_PER_COLUMN) {
                column.remove(column.size() - 1);
                hidden++;
            }
        }
        hiddenParties = hidden;
        orderByNeighbours(columns, allLinks);
        boolean middle = !columns.get(1).isEmpty();
        int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
        height = Math.max(1, tallest) * (NODE_HEIGHT + GAP) - GAP + 2 * TOP;
        for (int c = 0; c < 3; c++) {
            List<PartyTotals> column = columns.get(c);
            double x = switch (c) {
                case 0 -> MARGIN;
                case 1 -> (WIDTH - NODE_WIDTH) / 2.0;
                default -> WIDTH - NODE_WIDTH - MARGIN;
            };
            if (!middle && c == 2) {
                x = WIDTH - NODE_WIDTH - MARGIN;
            }
            double columnHeight = column.size() * (NODE_HEIGHT + GAP) - GAP;
            double y = (height - columnHeight) / 2.0;
            for (PartyTotals party : column) {
                nodes.put(party.name(), new Node(party, c, x, y));
                y += NODE_HEIGHT + GAP;
            }
        }
        for (PartyLink link : allLinks) {
            if (nodes.containsKey(link.from()) && nodes.containsKey(link.to())) {
                links.add(link);
            }
        }
    }

    static PartyGraph of(List<PartyTotals> parties, List<PartyLink> links) {
        return new PartyGraph(parties, links);
    }

    static int columnOf(PartyTotals party) {
        if (party.intermediary() > party.originated() && party.intermediary() > party.published()) {
            return 1;
        }
        return party.originated() > party.published() ? 0 : 2;
    }

    /** Orders middle and right columns by the mean rank of the parties linking to them (one sweep). */
    private static void orderByNeighbours(List<List<PartyTotals>> columns, List<PartyLink> links) {
        Map<String, Double> rank = new HashMap<>();
        List<PartyTotals> first = columns.get(0);
        for (int i = 0; i < first.size(); i++) {
            rank.put(first.get(i).name(), (double) i);
        }
        for (int c = 1; c < 3; c++) {
            Map<String, double[]> sums = new HashMap<>();
            for (PartyLink link : links) {
                Double from = rank.get(link.from());
                if (from != null) {
                    double[] sum = sums.computeIfAbsent(link.to(), k -> new double[2]);
                    sum[0] += from * link.documents();
                    sum[1] += link.documents();
                }
            }
            List<PartyTotals> column = columns.get(c);
            Map<String, Double> key = new HashMap<>();
            for (int i = 0; i < column.size(); i++) {
                double[] sum = sums.get(column.get(i).name());
                key.put(column.get(i).name(), sum == null ? Double.MAX_VALUE / 2 + i : sum[0] / sum[1]);
            }
            column.sort(Comparator.comparingDouble((PartyTotals p) -> key.get(p.name()))
                    .thenComparing(Comparator.comparingInt(PartyTotals::documents).reversed())
                    .thenComparing(PartyTotals::name));
            for (int i = 0; i < column.size(); i++) {
                rank.put(column.get(i).name(), (double) i);
            }
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
        svg.append("<svg id=\"party-graph\" class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"Attribution graph: arrows lead from the origin of"
                        + " documents to their publishers\">\n");
        int max = links.stream().mapToInt(PartyLink::documents).max().orElse(1);
        svg.append("<g class=\"edges\">\n");
        for (PartyLink link : links) {
            edge(svg, nodes.get(link.from()), nodes.get(link.to()), link, max);
        }
        svg.append("</g>\n<g class=\"nodes\">\n");
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

    private static void edge(StringBuilder svg, Node from, Node to, PartyLink link, int max) {
        double width = strokeWidth(link.documents(), max);
        double head = 8 + width;
        double x1 = from.right();
        double y1 = from.middle();
        double x2 = to.x();
        double y2 = to.middle();
        boolean forward = x2 > x1 + head;
        double bend = forward ? (x2 - head - x1) / 2 : 90;
        String d = String.format(Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x1, y1, x1 + bend, y1,
                x2 - head - bend, y2, x2 - head, y2);
        svg.append("<g class=\"edge").append(forward ? "" : " backward").append("\" data-from=\"")
                .append(Html.escape(link.from())).append("\" data-to=\"").append(Html.escape(link.to()))
                .append("\" data-documents=\"").append(link.documents()).append("\">");
        svg.append("<title>").append(Html.escape(link.from())).append(" → ").append(Html.escape(link.to())).append(": ")
                .append(TextReport.plural(link.documents(), "document")).append("</title>");
        svg.append(String.format(Locale.ROOT, "<path d=\"%s\" stroke-width=\"%.1f\"/>", d, width));
        svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x2 - head,
                y2 - head / 2, x2, y2, x2 - head, y2 + head / 2));
        double mx = (x1 + 3 * (x1 + bend) + 3 * (x2 - head - bend) + (x2 - head)) / 8;
        double my = (y1 + 3 * y1 + 3 * y2 + y2) / 8;
        String label = Integer.toString(link.documents());
        double labelWidth = 12 + 7 * label.length();
        svg.append(String.format(Locale.ROOT, "<rect class=\"count\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\""
                + " rx=\"9\"/><text class=\"count\" x=\"%.1f\" y=\"%.1f\">%s</text>", mx - labelWidth / 2, my - 9, labelWidth,
                mx, my + 4, label));
        svg.append("</g>\n");
    }

    private static void node(StringBuilder svg, Node node) {
        PartyTotals party = node.party();
        String kind = COLUMN_CLASSES[node.column()];
        svg.append("<g class=\"node ").append(kind).append(Boolean.FALSE.equals(party.registered()) ? " unregistered" : "")
                .append("\" data-party=\"").append(Html.escape(party.name())).append("\">");
        svg.append("<title>").append(Html.escape(party.name())).append(": originated ").append(party.originated())
                .append(", published ").append(party.published()).append(", intermediary ").append(party.intermediary())
                .append(Boolean.FALSE.equals(party.registered()) ? " (not in the registry)" : "").append("</title>");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"8\"/>",
                node.x(), node.y(), NODE_WIDTH, NODE_HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>", node.x() + 12,
                node.y() + 19, Html.escape(TextReport.shorten(party.name(), 28))));
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
