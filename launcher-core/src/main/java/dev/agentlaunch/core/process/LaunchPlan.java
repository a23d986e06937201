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
 */
public record LaunchPlan(LoadedIntegration integration, TierPlan tiers, ServerAddress server, List<String> tierArgs,
                         List<String> toolArgs, List<EnvEntry> env, ExecutableFinder.Result executable) {
    public LaunchPlan {
        tierArgs = List.copyOf(tierArgs);
        toolArgs = List.copyOf(toolArgs);
        env = List.copyOf(env);
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
