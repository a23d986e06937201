package dev.agentlaunch.plugins.copilot;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.ToolChecks;
import dev.agentlaunch.api.WireApi;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * GitHub Copilot CLI ({@code copilot}) in its bring-your-own-key mode, by environment only:
 * {@code COPILOT_PROVIDER_BASE_URL=<host>/v1} (chat completions; no GitHub login, no key) and
 * {@code COPILOT_MODEL} = the large tier. A server's token goes in {@code COPILOT_PROVIDER_API_KEY},
 * the one place Copilot reads a provider key from (it names no other variable), set from the
 * user's own variable in the child's environment only; without a token Copilot sends no
 * {@code Authorization} header at all.
 *
 * <p>Medium and small fold into large, on purpose. Copilot's only per-subagent model knob
 * ({@code subagents.agents.explore.model}) lives in {@code settings.json} under
 * {@code COPILOT_HOME}, and no flag or variable names a settings file: reaching it would mean
 * pointing {@code COPILOT_HOME} at a launcher directory, which moves all of Copilot's state
 * (sessions, login, installed plugins, trusted folders) there for that session. The launcher
 * does not do that; Copilot's subagents (explore, task, general-purpose) run on the main model,
 * as they do for any BYOK model Copilot does not know.
 */
@Extension
public final class CopilotIntegration implements Integration {
    static final String MODEL = "COPILOT_MODEL";
    /** Sent as {@code Authorization: Bearer}; unset, Copilot sends none. */
    static final String API_KEY = "COPILOT_PROVIDER_API_KEY";

    @Override
    public String id() {
        return "copilot";
    }

    @Override
    public String displayName() {
        return "GitHub Copilot CLI";
    }

    @Override
    public List<String> executableNames() {
        return List.of("copilot");
    }

    @Override
    public String installHint() {
        return "npm install -g @github/copilot";
    }

    /** The versions the end-to-end tests ran (distribution/agents/package-lock.json). */
    @Override
    public List<String> provenToolVersions() {
        return List.of("1.0.102");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main turn and every subagent (COPILOT_MODEL)");
        roles.put(Tier.MEDIUM, "folds into large (Copilot's subagent models are set only in settings.json under COPILOT_HOME, "
                + "which the launcher does not move)");
        roles.put(Tier.SMALL, "folds into large (same: the explore subagent runs on the main model)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COPILOT_PROVIDER_BASE_URL", plan.endpoint() + "/v1");
        env.put("COPILOT_PROVIDER_TYPE", "openai");
        env.put(MODEL, plan.model(Tier.LARGE));
        return env;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        Map<String, String> env = tierEnv(plan);
        plan.apiKeyEnv().ifPresent(var -> env.put(API_KEY, context.ambientEnv().getOrDefault(var, "")));
        return env;
    }

    /**
     * Chat completions: with {@code COPILOT_PROVIDER_TYPE=openai} and no {@code COPILOT_PROVIDER_WIRE_API}
     * Copilot sends {@code POST /v1/chat/completions} only (observed; {@code responses} would switch it).
     */
    @Override
    public WireApi wireApi() {
        return WireApi.OPENAI_CHAT;
    }

    @Override
    public Map<String, Tier> tierVariables() {
        return Map.of(MODEL, Tier.LARGE);
    }

    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        ToolChecks.refuseArgs(displayName(), context.toolArgs(),
                "the launcher sets Copilot's model from the large tier; use --large MODEL (or --model MODEL) instead",
                "--model");
        return List.of();
    }
}
