package dev.agentlaunch.plugins.kimi;

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
 * Kimi Code ({@code kimi}), by environment only: {@code KIMI_MODEL_NAME} = the large tier,
 * {@code KIMI_MODEL_PROVIDER_TYPE=openai} on {@code KIMI_MODEL_BASE_URL=<host>/v1} with a
 * placeholder key (required once a name is set). A server's token goes in that same
 * {@code KIMI_MODEL_API_KEY} (a model defined by environment takes its key from nowhere else), set
 * from the user's own variable in the child's environment only. Kimi Code needs Node 22.
 *
 * <p>Medium and small fold into large, on purpose. Kimi's subagent model
 * ({@code [secondary_model]}) is an alias defined in {@code config.toml} under
 * {@code KIMI_CODE_HOME}, and no flag or variable names just that file: reaching it would mean
 * pointing {@code KIMI_CODE_HOME} at a launcher directory, which moves Kimi's sessions, logs and
 * credentials there. The launcher does not do that; Kimi's subagents (explore, coder) run on the
 * main model. Kimi sends no title requests to the model server.
 */
@Extension
public final class KimiIntegration implements Integration {
    static final String MODEL = "KIMI_MODEL_NAME";
    /** Sent as {@code Authorization: Bearer}. */
    static final String API_KEY = "KIMI_MODEL_API_KEY";
    static final int NODE_MAJOR = 22;

    @Override
    public String id() {
        return "kimi";
    }

    @Override
    public String displayName() {
        return "Kimi Code";
    }

    @Override
    public List<String> executableNames() {
        return List.of("kimi");
    }

    @Override
    public String installHint() {
        return "npm install -g @moonshot-ai/kimi-code";
    }

    /** The versions the end-to-end tests ran (distribution/agents/package-lock.json). */
    @Override
    public List<String> provenToolVersions() {
        return List.of("2.1.0");
    }

    @Override
    public java.util.Optional<String> runtimeProblem(LaunchContext context) {
        return ToolChecks.nodeProblem(context, displayName(), NODE_MAJOR);
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main turn and every subagent (KIMI_MODEL_NAME)");
        roles.put(Tier.MEDIUM, "folds into large (Kimi's subagent model is set only in config.toml under KIMI_CODE_HOME, "
                + "which the launcher does not move)");
        roles.put(Tier.SMALL, "folds into large (same; Kimi sends no title requests to the server)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KIMI_MODEL_PROVIDER_TYPE", "openai");
        env.put("KIMI_MODEL_BASE_URL", plan.endpoint() + "/v1");
        if (plan.apiKeyEnv().isEmpty()) {
            env.put(API_KEY, "ollama");    // required with KIMI_MODEL_NAME; Ollama ignores it
        }
        env.put(MODEL, plan.model(Tier.LARGE));
        plan.info(Tier.LARGE).ifPresent(i -> i.contextLength()
                .ifPresent(n -> env.put("KIMI_MODEL_MAX_CONTEXT_SIZE", Integer.toString(n))));
        return env;
    }

    /** With a token, its value from the user's variable (never through the context-free map above). */
    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        Map<String, String> env = tierEnv(plan);
        plan.apiKeyEnv().ifPresent(var -> env.put(API_KEY, context.ambientEnv().getOrDefault(var, "")));
        return env;
    }

    /** Chat completions: {@code KIMI_MODEL_PROVIDER_TYPE=openai} sends {@code POST /v1/chat/completions} only (observed). */
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
                "the launcher sets Kimi's model from the large tier; use --large MODEL (or --model MODEL) instead",
                "-m", "--model");
        ToolChecks.requireNode(context, displayName(), NODE_MAJOR);
        return List.of();
    }
}
