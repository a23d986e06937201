package dev.agentlaunch.core.server;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the checks hold the tier models to.
 *
 * @param toolName       the agent tool's name for messages ({@code Claude Code}), or {@code the agent}
 * @param toolTiers      tiers whose model must support tool calling
 * @param minimumContext tokens every tier model must offer (0: no need declared)
 * @param memory         {@code --memory}: the server's memory for models, overriding any probe
 */
public record CheckRequirements(String toolName, Set<Tier> toolTiers, int minimumContext, OptionalLong memory) {
    public CheckRequirements {
        toolTiers = toolTiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(toolTiers));
    }

    /** An integration's declared needs. */
    public static CheckRequirements of(Integration integration, OptionalLong memory) {
        try {
            return new CheckRequirements(integration.displayName(), integration.tiersNeedingTools(),
                    integration.minimumContextTokens(), memory);
        } catch (RuntimeException | LinkageError e) {
            throw new LauncherException(ExitCode.PLUGIN, "the plugin of integration '" + integration.id()
                    + "' failed to declare its model needs (" + e + "); report it to the plugin's author or remove the jar", e);
        }
    }

    /** No integration named ({@code launch doctor} alone): every tier needs tools, no context need. */
    public static CheckRequirements generic(OptionalLong memory) {
        return new CheckRequirements("an agent", EnumSet.allOf(Tier.class), 0, memory);
    }
}
