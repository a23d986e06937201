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
 * @param cloud         runs on Ollama Cloud, not on the server: a {@code :cloud} name, or a model the
 *                      server lists or shows with a {@code remote_host}; it needs no memory there
 * @param signInNeeded  the server said 401: its owner must sign in to ollama.com for this cloud model
 * @param yourVariables the user's own variables naming this model that the launch keeps (their
 *                      tier's model was only derived), e.g. {@code ANTHROPIC_DEFAULT_HAIKU_MODEL}
 */
public record ModelStatus(String name, List<Tier> tiers, boolean present, OptionalLong size, OptionalInt contextLength,
                          OptionalInt servedContext, Set<String> capabilities, boolean cloud, boolean signInNeeded,
                          List<String> yourVariables) {
    public ModelStatus {
        tiers = List.copyOf(tiers);
        capabilities = Set.copyOf(capabilities);
        yourVariables = List.copyOf(yourVariables);
    }

    /** A model on the server itself, from the plan's tiers. */
    public ModelStatus(String name, List<Tier> tiers, boolean present, OptionalLong size, OptionalInt contextLength,
                       OptionalInt servedContext, Set<String> capabilities) {
        this(name, tiers, present, size, contextLength, servedContext, capabilities, false, false, List.of());
    }

    /** The same status, naming the user's variables that the launch keeps and that name this model. */
    public ModelStatus withYourVariables(List<String> variables) {
        return new ModelStatus(name, tiers, present, size, contextLength, servedContext, capabilities, cloud, signInNeeded,
                variables);
    }

    /** True when only the user's kept variables name this model, no tier of the plan. */
    public boolean onlyYours() {
        return !yourVariables.isEmpty() && tiers.isEmpty();
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

    /** {@code large tier}, {@code medium and small tiers}; {@code your ANTHROPIC_DEFAULT_HAIKU_MODEL} for a kept variable. */
    public String tierWords() {
        if (tiers.isEmpty()) {
            return "your " + String.join(" and ", yourVariables);
        }
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
