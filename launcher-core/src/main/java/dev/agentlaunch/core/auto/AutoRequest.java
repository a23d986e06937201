package dev.agentlaunch.core.auto;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.server.MemoryBudget;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code --auto} is asked to do.
 *
 * @param fixed          the tiers the user named (flag or profile): kept, and their models count in the memory plan
 * @param toolName       the agent tool's name for messages ({@code Claude Code})
 * @param toolTiers      tiers whose model must support tool calling (when the server reports capabilities)
 * @param minimumContext tokens every tier model must offer (0: no need declared)
 * @param budget         the server's memory for models, when known
 * @param cloud          whether remote (cloud) models may be chosen
 * @param where          the server, for messages ({@code the model server at http://...})
 * @param addHint        how to get a model onto the server, e.g. {@code pull one, e.g. 'ollama pull qwen3:8b'}
 */
public record AutoRequest(Map<Tier, String> fixed, String toolName, Set<Tier> toolTiers, int minimumContext,
                          Optional<MemoryBudget> budget, boolean cloud, String where, String addHint) {
    public AutoRequest {
        EnumMap<Tier, String> f = new EnumMap<>(Tier.class);
        f.putAll(fixed);
        fixed = f;
        toolTiers = toolTiers.isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(toolTiers);
    }

    /** The tiers {@code --auto} fills: every one not named. */
    public Set<Tier> toFill() {
        EnumSet<Tier> fill = EnumSet.allOf(Tier.class);
        fill.removeAll(fixed.keySet());
        return fill;
    }
}
