package dev.agentlaunch.core.auto;

import dev.agentlaunch.core.server.ByteSize;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One model a server offers, as {@code --auto} and the picker see it: whatever lists the models
 * (today Ollama's {@code /api/tags}, {@code /api/show} and {@code /api/ps}) fills one in, and the
 * selection never talks to a server. Every figure is optional: a server that does not say leaves it
 * empty, and the rule treats it as unknown, never as zero.
 *
 * @param name          the name to put on a tier
 * @param parameters    the parameter count
 * @param sizeBytes     what its weights take (download size), roughly what it needs in memory
 * @param capabilities  the server's capability words ({@code completion}, {@code tools}, ...); empty: unknown
 * @param contextLength its maximum context in tokens
 * @param remote        served elsewhere (a cloud model): needs no local memory
 * @param loaded        in the server's memory right now
 */
public record ModelCandidate(String name, OptionalLong parameters, OptionalLong sizeBytes, Set<String> capabilities,
                             OptionalInt contextLength, boolean remote, boolean loaded) {
    private static final Pattern COUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMBT])", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_NAME = Pattern.compile("(?:^|[^a-z0-9.])(?:(\\d+)x)?(\\d+(?:\\.\\d+)?)([mbt])(?![a-z0-9])");

    public ModelCandidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(contextLength, "contextLength");
        capabilities = Set.copyOf(capabilities);
    }

    /** Whether the server said what the model can do (an empty list means it did not). */
    public boolean capabilitiesKnown() {
        return !capabilities.isEmpty();
    }

    public boolean supportsTools() {
        return capabilities.contains("tools");
    }

    /** A model that only embeds (or at least cannot complete): never a tier model. */
    public boolean cannotComplete() {
        return capabilitiesKnown() && !capabilities.contains("completion");
    }

    /** Memory it needs on the server's machine: nothing for a remote model, empty when unknown. */
    public OptionalLong localBytes() {
        return remote ? OptionalLong.of(0) : sizeBytes;
    }

    /** {@code 32B}, {@code 1.7B}, {@code 567M}, or {@code ?}. */
    public String parameterWords() {
        return parameters.isPresent() ? count(parameters.getAsLong()) : "?";
    }

    /** {@code 20.2 GB}, {@code cloud}, or {@code ?}. */
    public String sizeWords() {
        return remote ? "cloud" : sizeBytes.isPresent() ? ByteSize.format(sizeBytes.getAsLong()) : "?";
    }

    /** Capabilities sorted, for stable output. */
    public List<String> sortedCapabilities() {
        return List.copyOf(new TreeSet<>(capabilities));
    }

    /** A parameter count as model cards write it: {@code 32B}, {@code 1.7B}, {@code 567M}. */
    public static String count(long parameters) {
        String[] units = {"K", "M", "B", "T"};
        double value = parameters;
        int i = -1;
        while (value >= 1000 && i < units.length - 1) {
            value /= 1000;
            i++;
        }
        if (i < 0) {
            return Long.toString(parameters);
        }
        String number = value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        return number.replaceFirst("\\.0$", "") + units[i];
    }

    /** Parses a count as servers write it ({@code 4.0B}, {@code 567M}, {@code 1.2T}), or empty. */
    public static OptionalLong parseCount(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = COUNT.matcher(text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(scale(Double.parseDouble(m.group(1)), m.group(2)));
    }

    /**
     * The count a model's name states, for servers that report none: {@code qwen3:32b},
     * {@code Qwen/Qwen3-30B-A3B} (the first count wins: 30B), {@code mixtral:8x7b} (56B). Empty when
     * the name states none.
     */
    public static OptionalLong countInName(String name) {
        Matcher m = IN_NAME.matcher(name.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return OptionalLong.empty();
        }
        long experts = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
        return OptionalLong.of(experts * scale(Double.parseDouble(m.group(2)), m.group(3)));
    }

    private static long scale(double value, String unit) {
        double factor = switch (unit.toUpperCase(Locale.ROOT)) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "B" -> 1e9;
            default -> 1e12;
        };
        return Math.round(value * factor);
    }
}
