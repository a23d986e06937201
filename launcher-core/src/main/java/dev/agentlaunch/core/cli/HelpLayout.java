package dev.agentlaunch.core.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's {@code --help} is laid out. picocli wraps text wherever
 * {@link java.text.BreakIterator} allows, which splits URLs and paths at their dots and slashes
 * and cuts a long word to fit; here text is wrapped at spaces only, a word longer than the line
 * stays whole, and the lines a description is written in are filled as one paragraph up to the
 * terminal's width ({@code COLUMNS} when set, else what picocli detects, else 80). It also gives
 * every command the launcher's version, so {@code -V} works wherever help lists it.
 */
public final class HelpLayout {
    static final int DEFAULT_WIDTH = 80;
    private static final int MIN_WIDTH = 40;
    private static final int MAX_NAME_COLUMN = 28;

    private HelpLayout() {
    }

    /** Applies the layout and the version to {@code root} and every command below it. */
    public static void applyTo(CommandLine root, Map<String, String> env) {
        Integer columns = columns(env.get("COLUMNS"));
        VersionProvider version = new VersionProvider();
        apply(root, columns, version);
    }

    private static void apply(CommandLine cl, Integer columns, VersionProvider version) {
        CommandSpec spec = cl.getCommandSpec();
        spec.versionProvider(version);
        if (columns != null) {
            spec.usageMessage().autoWidth(false).width(columns);
        }
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> flowed(help.commandSpec().usageMessage().description(),
                width(help)));
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> flowed(help.commandSpec().usageMessage().footer(), width(help)));
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl) {    // an alias maps to the same command: visit it once
                apply(sub, columns, version);
            }
        }
    }

    /** A usable {@code COLUMNS}, or null. */
    static Integer columns(String value) {
        try {
            int n = value == null ? 0 : Integer.parseInt(value.trim());
            return n >= MIN_WIDTH ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int width(Help help) {
        return Math.max(MIN_WIDTH, help.commandSpec().usageMessage().width());
    }

    /**
     * Lines written at column 0 are prose: consecutive ones form one paragraph (until a line ends a
     * sentence, a heading or a parenthesis), filled to the width. Indented lines (examples, tables)
     * keep their own line; if too long they wrap under their second column.
     */
    static String flowed(String[] lines, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : lines) {
            for (String line : raw.replace("%n", "\n").replace("%%", "%").split("\n", -1)) {
                if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                    flush(paragraph, out, width);
                    if (line.isBlank()) {
                        out.append('\n');
                    } else {
                        preformatted(line.stripTrailing(), width, out);
                    }
                    continue;
                }
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(line.strip());
                if (line.endsWith(".") || line.endsWith(":") || line.endsWith(")") || line.endsWith("?")) {
                    flush(paragraph, out, width);
                }
            }
        }
        flush(paragraph, out, width);
        return out.toString();
    }

    /**
     * An indented line (an example, a table row) keeps its own spacing; when too long, the rest
     * wraps under its second column.
     */
    private static void preformatted(String line, int width, StringBuilder out) {
        if (line.length() <= width) {
            out.append(line).append('\n');
            return;
        }
        int indent = indentOf(line);
        int second = line.indexOf("  ", indent);
        int hanging = second > 0 && second < width / 2 ? second + 2 : indent + 4;
        int cut = line.lastIndexOf(' ', width);
        if (cut <= hanging) {
            cut = line.indexOf(' ', width);         // one long word: it stays whole
        }
        if (cut < 0) {
            out.append(line).append('\n');
            return;
        }
        out.append(line, 0, cut).append('\n');
        wrap(line.substring(cut).strip(), hanging, hanging, width, out);
    }

    private static void flush(StringBuilder paragraph, StringBuilder out, int width) {
        if (paragraph.length() > 0) {
            wrap(paragraph.toString(), 0, 0, width, out);
            paragraph.setLength(0);
        }
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Appends {@code text} wrapped at spaces: the first line at {@code first}, the rest at {@code rest}. */
    static void wrap(String text, int first, int rest, int width, StringBuilder out) {
        int column = 0;
        boolean lineStarted = false;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!lineStarted) {
                out.append(" ".repeat(first));
                column = first;
            } else if (column + 1 + word.length() > width) {
                out.append('\n').append(" ".repeat(rest));
                column = rest;
            } else {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            lineStarted = true;
        }
        if (lineStarted) {
            out.append('\n');
        }
    }

    /** Rows of a name (possibly coloured) and its description, the descriptions in one column. */
    private static String table(List<Text> names, List<String> descriptions, int width) {
        int nameWidth = 0;
        for (Text name : names) {
            nameWidth = Math.max(nameWidth, name.plainString().length());
        }
        int column = Math.min(nameWidth, MAX_NAME_COLUMN) + 2;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            Text name = names.get(i);
            String plain = name.plainString();
            out.append(name.toString());
            String description = descriptions.get(i);
            if (description.isBlank()) {
                out.append('\n');
                continue;
            }
            if (plain.length() + 2 > column) {
                out.append('\n');
                wrap(description, column, column, width, out);
            } else {
                StringBuilder rest = new StringBuilder();
                wrap(description, column, column, width, rest);
                out.append(rest.substring(plain.length()));
            }
        }
        return out.toString();
    }

    private static String options(Help help) {
        CommandSpec spec = help.commandSpec();
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                options.add(o);
            }
        }
        if (spec.usageMessage().sortOptions()) {
            options.sort(Comparator.comparing((OptionSpec o) -> bare(o.shortestName()).toLowerCase(Locale.ROOT))
                    .thenComparing(o -> bare(o.shortestName())));
        }
        Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
        Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        List<Text> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (OptionSpec o : options) {
            Text[][] rows = renderer.render(o, labels, help.colorScheme());
            Text[] first = rows[0];
            Text shortName = first[1];
            Text longName = first[3];
            boolean both = shortName.plainString().strip().length() > 0 && longName.plainString().strip().length() > 0;
            Text name = help.colorScheme().text("  ").concat(shortName)
                    .concat(" ".repeat(Math.max(0, 2 - shortName.plainString().length())))
                    .concat(both ? "," : " ").concat(" ").concat(longName);
            names.add(name);
            descriptions.add(description(rows));
        }
        return names.isEmpty() ? "" : table(names, descriptions, width(help));
    }

    private static String parameters(Help help) {
        List<Text> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        Help.IParameterRenderer renderer = help.createDefaultParameterRenderer();
        Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (!p.hidden()) {
                Text[][] rows = renderer.render(p, labels, help.colorScheme());
                names.add(help.colorScheme().text("      ").concat(rows[0][3]));
                descriptions.add(description(rows));
            }
        }
        return names.isEmpty() ? "" : table(names, descriptions, width(help));
    }

    /** The description column of picocli's rendered rows, as one paragraph. */
    private static String description(Text[][] rows) {
        StringBuilder description = new StringBuilder();
        for (Text[] row : rows) {
            String part = row[row.length - 1].plainString().strip();
            if (!part.isEmpty()) {
                description.append(description.length() > 0 ? " " : "").append(part);
            }
        }
        return description.toString();
    }

    private static String commands(Help help) {
        List<Text> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Map.Entry<String, Help> e : help.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().commandSpec();
            if (sub.usageMessage().hidden()) {
                continue;
            }
            names.add(help.colorScheme().commandText("  " + e.getKey()));
            String[] text = sub.usageMessage().header().length > 0 ? sub.usageMessage().header() : sub.usageMessage().description();
            descriptions.add(text.length == 0 ? "" : firstSentence(String.join(" ", text)));
        }
        return names.isEmpty() ? "" : table(names, descriptions, width(help));
    }

    /** A command's summary in the command list: its description's first sentence. */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String bare(String name) {
        return name.replaceFirst("^-+", "");
    }
}
