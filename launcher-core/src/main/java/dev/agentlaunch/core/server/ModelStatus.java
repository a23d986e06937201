package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.Tier;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One distinct tier model as the server described it.
 *
 * @param name          the name as the plan has it
 * @param tiers         the tiers that use it, largest first
 * @param present       whether the server has it ({@code /api/show} did not answer 404)
 * @param size          its size from {@code /api/tags}, roughly what it needs in memory
 * @param contextLength its maximum context from {@code /api/show}
 * @param servedContext the context the server runs it with, from {@code /api/ps}, when it is loaded
 * @param capabilities  from {@code /api/show}
 */
public record ModelStatus(String name, List<Tier> tiers, boolean present, OptionalLong size, OptionalInt contextLength,
                          OptionalInt servedContext, Set<String> capabilities) {
    public ModelStatus {
        tiers = List.copyOf(tiers);
        capabilities = Set.copyOf(capabilities);
    }

    public boolean supportsTools() {
        return capabilities.contains("tools");
    }

    /**
     * Whether the server said what the model can do. Servers before {@code capabilities} existed in
     * {@code /api/show} list nothing, and a current one always lists at least {@code completion} or
     * {@code embedding}: an empty list means unknown, not "no tools".
     */
    public boolean capabilitiesKnown() {
        return !capabilities.isEmpty();
    }

    /** What a plugin gets to see: size, maximum context and capabilities. */
    public ModelInfo info() {
        return new ModelInfo(name, size, contextLength, capabilities);
    }

    /** {@code large tier}, {@code medium and small tiers}. */
    public String tierWords() {
        List<String> ids = tiers.stream().map(Tier::id).toList();
        if (ids.size() == 1) {
            return ids.get(0) + " tier";
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1) + " tiers";
    }

    /** Capabilities sorted, for stable output. */
    public List<String> sortedCapabilities() {
        return List.copyOf(new TreeSet<>(capabilities));
    }
}
