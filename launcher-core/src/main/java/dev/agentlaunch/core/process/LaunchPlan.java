package dev.agentlaunch.core.process;

import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.server.ServerAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a launch will do, computed before anything runs: what {@code --dry-run} prints and
 * what the hand-off executes.
 *
 * @param integration the integration and its plugin
 * @param tiers       the resolved tiers
 * @param server      the model server and where its address came from
 * @param tierArgs    arguments the integration puts before the user's
 * @param toolArgs    the user's arguments after {@code --}, untouched unless the integration folded its own value
 *                    into one of them ({@code Integration.toolArgs})
 * @param env         every variable the launch sets or keeps, with the policy's decision
 * @param executable  where the tool was found (or not)
 * @param tokenReferences variables whose value is the server's token, each to the user's variable that holds it
 */
public record LaunchPlan(LoadedIntegration integration, TierPlan tiers, ServerAddress server, List<String> tierArgs,
                         List<String> toolArgs, List<EnvEntry> env, ExecutableFinder.Result executable,
                         Map<String, String> tokenReferences) {
    public LaunchPlan {
        tierArgs = List.copyOf(tierArgs);
        toolArgs = List.copyOf(toolArgs);
        env = List.copyOf(env);
        tokenReferences = Map.copyOf(tokenReferences);
    }

    /** A plan that carries no server token. */
    public LaunchPlan(LoadedIntegration integration, TierPlan tiers, ServerAddress server, List<String> tierArgs,
                      List<String> toolArgs, List<EnvEntry> env, ExecutableFinder.Result executable) {
        this(integration, tiers, server, tierArgs, toolArgs, env, executable, Map.of());
    }

    /**
     * How a variable's value is written out: a variable that carries the server's token becomes a
     * reference to the user's own variable ({@code "$TEAM_TOKEN"}), so the token itself never leaves
     * the JVM (the hand-off script, {@code launch env} and {@code --dry-run} show the reference).
     */
    public java.util.Optional<String> tokenReference(String name) {
        return java.util.Optional.ofNullable(tokenReferences.get(name));
    }

    /** The variables the child's environment gets on top of the user's (kept ones need no change). */
    public Map<String, String> envChanges() {
        Map<String, String> changes = new LinkedHashMap<>();
        for (EnvEntry e : env) {
            if (e.action() != EnvEntry.Action.KEPT) {
                changes.put(e.name(), e.value());
            }
        }
        return changes;
    }

    /** The tool's argv after its own name: the integration's arguments, then the user's. */
    public List<String> arguments() {
        List<String> all = new ArrayList<>(tierArgs);
        all.addAll(toolArgs);
        return all;
    }
}
