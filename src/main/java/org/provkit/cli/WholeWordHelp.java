package org.provkit.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help whose lines break only at spaces. picocli wraps with Java's line {@code BreakIterator}, which also
 * breaks after '-' and '.', so file names were printed as {@code signing-cert.} / {@code pem}.
 */
final class WholeWordHelp extends CommandLine.Help {

    WholeWordHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        Layout layout = super.createDefaultLayout(options, positionals, scheme);
        return new Layout(scheme, new WholeWordTable(scheme, layout.textTable().columns()), layout.optionRenderer(),
                layout.parameterRenderer());
    }

    @Override
    public String description(Object... params) {
        String[] paragraphs = commandSpec().usageMessage().description();
        int width = commandSpec().usageMessage().width();
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs) {
            String text = String.format(paragraph.replace("${DEFAULT-VALUE}", ""), params);
            for (String line : wrap(text, width, "")) {
                out.append(line).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces only (a longer word has a line of its own). */
    static List<String> wrap(String text, int width, String continuation) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(continuation);
            }
            if (line.length() > 0 && !line.toString().equals(continuation)) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A table whose wrapping columns break their text at spaces only. */
    private static final class WholeWordTable extends TextTable {
        private final ColorScheme scheme;

        WholeWordTable(ColorScheme scheme, Column[] columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            String plain = value == null ? "" : value.plainString();
            int room = column.width - column.indent - 1;
            if (column.overflow != Column.Overflow.WRAP || plain.length() <= room || plain.contains("\n")) {
                return super.putValue(row, col, value);
            }
            List<String> lines = wrap(plain, room, "  ");
            Cell cell = super.putValue(row, col, scheme.text(lines.get(0)));
            for (String line : lines.subList(1, lines.size())) {
                addEmptyRow();
                cell = super.putValue(rowCount() - 1, col, scheme.text(line));
            }
            return cell;
        }
    }
}
