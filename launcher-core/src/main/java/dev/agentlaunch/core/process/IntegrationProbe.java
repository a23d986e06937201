package dev.agentlaunch.core.process;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.plugins.IntegrationRegistry;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.plugins.PluginProblem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * For {@code list-integrations}: runs each integration's context-free mapping ({@code tierEnv},
 * {@code tierArgs}, {@code tierVariables}) on a sample plan, with the launch path's own checks,
 * so a plugin that would fail at launch is listed as failed. The SPI makes those methods pure,
 * so the probe has no effect; a launch never runs it.
 */
public final class IntegrationProbe {
    private static final TierPlan SAMPLE = sample();

    private IntegrationProbe() {
    }

    /** The registry with every integration whose mapping fails moved to the failed plugins. */
    public static IntegrationRegistry check(IntegrationRegistry registry) {
        List<LoadedIntegration> ok = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>(registry.problems());
        for (LoadedIntegration li : registry.integrations()) {
            try {
                LaunchPlanner.checkEnv(li, LaunchPlanner.guarded(li, "tierEnv", () -> li.integration().tierEnv(SAMPLE)));
                LaunchPlanner.checkArgs(li, LaunchPlanner.guarded(li, "tierArgs", () -> li.integration().tierArgs(SAMPLE)));
                LaunchPlanner.guarded(li, "tierVariables", li.integration()::tierVariables);
                ok.add(li);
            } catch (LauncherException e) {
                String prefix = "plugin " + li.jar() + " ";
                String reason = e.getMessage().startsWith(prefix) ? "it " + e.getMessage().substring(prefix.length()) : e.getMessage();
                problems.add(new PluginProblem(li.jar(), li.pluginId(), li.id(), reason));
            }
        }
        return new IntegrationRegistry(ok, problems, registry.warnings(), registry.serverKinds());
    }

    private static TierPlan sample() {
        Map<Tier, TierPlan.Assignment> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            tiers.put(tier, new TierPlan.Assignment("sample-" + tier.id() + ":latest", TierSource.FLAG));
        }
        return new TierPlan("http://127.0.0.1:11434", tiers, Map.of());
    }
}
