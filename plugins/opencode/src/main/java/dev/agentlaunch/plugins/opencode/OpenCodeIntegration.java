package dev.agentlaunch.plugins.opencode;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * OpenCode. Configured through {@code OPENCODE_CONFIG_CONTENT}, inline JSON that OpenCode merges
 * above the user's config files, so no file of the user or of OpenCode changes:
 * <ul>
 *   <li>large: {@code model} (the main turn), {@code agent.build.model}, {@code agent.plan.model};</li>
 *   <li>medium: {@code agent.general.model} (the general subagent);</li>
 *   <li>small: {@code small_model} (session titles) and {@code agent.explore.model} (the explore subagent).</li>
 * </ul>
 * Without {@code agent.<name>.model} OpenCode runs its subagents on the main model. A user's own
 * {@code OPENCODE_CONFIG_CONTENT} is merged with the launcher's keys (see {@link OpenCodeConfig}).
 */
@Extension
public final class OpenCodeIntegration implements Integration {

    @Override
    public String id() {
        return "opencode";
    }

    @Override
    public String displayName() {
        return "OpenCode";
    }

    @Override
    public List<String> executableNames() {
        return List.of("opencode");
    }

    /** Where OpenCode's own install script puts it by default. */
    @Override
    public List<String> installDirs() {
        return List.of(".opencode/bin");
    }

    @Override
    public String installHint() {
        return "npm install -g opencode-ai";
    }

    /** The proven range, oldest first: the pinned version (distribution/agents/package-lock.json) is the newest. */
    @Override
    public List<String> provenToolVersions() {
        return List.of("1.18.33");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main conversation, build and plan agents (model, agent.build, agent.plan)");
        roles.put(Tier.MEDIUM, "the general subagent (agent.general)");
        roles.put(Tier.SMALL, "session titles and the explore subagent (small_model, agent.explore)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        return Map.of(OpenCodeConfig.VARIABLE, OpenCodeConfig.build(plan));
    }

    /**
     * No arguments of its own; refuses a user's {@code -m}/{@code --model}, which would move the
     * main conversation off the large tier without a word.
     */
    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        for (String arg : context.toolArgs()) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("-m") || arg.equals("--model") || arg.startsWith("-m=") || arg.startsWith("--model=")) {
                throw new LaunchRefusedException("OpenCode argument '" + arg + "' fights the tier routing: the launcher sets "
                        + "OpenCode's model from the large tier; use --large MODEL (or --model MODEL for every tier) instead");
            }
        }
        return List.of();
    }

    /** One provider per server: each tier can go to its own ({@code --tier-server}). */
    @Override
    public boolean supportsServerPerTier() {
        return true;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        String ambient = context.ambientEnv().get(OpenCodeConfig.VARIABLE);
        return Map.of(OpenCodeConfig.VARIABLE, OpenCodeConfig.merge(plan, ambient, context::note));
    }
}
