package dev.agentlaunch.plugins.codex;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.Toml;
import dev.agentlaunch.api.WireApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.pf4j.Extension;

/**
 * OpenAI's Codex CLI. Everything goes through {@code -c key=value} overrides (TOML values), so
 * nothing is written to {@code ~/.codex} or {@code CODEX_HOME}:
 * <ul>
 *   <li>a model provider with the launcher's own id (Codex silently ignores user entries named
 *       {@code openai}, {@code ollama} or {@code lmstudio}) pointing at {@code <host>/v1} with
 *       {@code wire_api="responses"} (Codex rejects {@code "chat"});</li>
 *   <li>large: {@code -m}, the main turn and thread titles;</li>
 *   <li>medium: {@code review_model} ({@code codex exec review}) and the {@code worker} agent role;</li>
 *   <li>small: the {@code explorer} agent role.</li>
 * </ul>
 * An agent role needs a description (without one Codex ignores the role) and a role file holding
 * its model; the role file is written in the launcher's state dir, named by content hash. A
 * user role named {@code explorer} or {@code worker} replaces Codex's built-in one, so the main
 * agent's {@code spawn_agent} tool then sends those subagents to the tier's model.
 *
 * <p>The model's context window, when the server reported it, goes to
 * {@code model_context_window}. Codex still prints "model metadata not found" for a name it does
 * not know: only a model catalog entry silences that, and a catalog entry must carry its own
 * {@code base_instructions}, which would replace Codex's system prompt. The launcher keeps the
 * prompt and lives with the warning.
 */
@Extension
public final class CodexIntegration implements Integration {
    /** The provider id; any id but the reserved {@code openai}, {@code ollama} and {@code lmstudio}. */
    static final String PROVIDER = "agent_launch";

    @Override
    public String id() {
        return "codex";
    }

    @Override
    public String displayName() {
        return "Codex";
    }

    @Override
    public List<String> executableNames() {
        return List.of("codex");
    }

    @Override
    public String installHint() {
        return "npm install -g @openai/codex";
    }

    /** The proven range, oldest first: the pinned version (distribution/agents/package-lock.json) is the newest. */
    @Override
    public List<String> provenToolVersions() {
        return List.of("0.169.0", "0.171.0");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main turn and thread titles (-m)");
        roles.put(Tier.MEDIUM, "code review (review_model) and the worker subagent role (agents.worker)");
        roles.put(Tier.SMALL, "the explorer subagent role (agents.explorer)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        return Map.of();    // Codex is configured by arguments only
    }

    /** Provider, main model and review model: everything that needs no role file. */
    @Override
    public List<String> tierArgs(TierPlan plan) {
        List<String> args = new ArrayList<>();
        String p = "model_providers." + PROVIDER + ".";
        config(args, "model_provider", Toml.string(PROVIDER));
        config(args, p + "name", Toml.string(providerName(plan.server().kind())));
        config(args, p + "base_url", Toml.string(plan.endpoint() + "/v1"));
        config(args, p + "wire_api", Toml.string("responses"));
        // The token by its variable's name: Codex reads it from its own environment and sends it as a bearer token.
        plan.apiKeyEnv().ifPresent(var -> config(args, p + "env_key", Toml.string(var)));
        args.add("-m");
        args.add(plan.model(Tier.LARGE));
        contextWindow(plan, Tier.LARGE).ifPresent(n -> config(args, "model_context_window", Integer.toString(n)));
        config(args, "review_model", Toml.string(plan.model(Tier.MEDIUM)));
        return args;
    }

    /*
     * No supportsServerPerTier(): Codex 0.169.0 ignores model_provider in an agent role's config file
     * (tried end to end: the explorer role's requests still went to the main provider), so every tier
     * goes to one endpoint and the launcher says to put a gateway in front instead.
     */

    /** The provider's label in Codex: the server's kind. */
    static String providerName(String kind) {
        return switch (kind) {
            case "ollama" -> "Ollama (agent-launch)";
            case "vllm" -> "vLLM (agent-launch)";
            case "llamacpp" -> "llama.cpp (agent-launch)";
            case "litellm" -> "LiteLLM (agent-launch)";
            default -> kind + " (agent-launch)";
        };
    }

    /** Codex speaks only OpenAI's Responses API to a custom provider (it rejects wire_api "chat"). */
    @Override
    public WireApi wireApi() {
        return WireApi.OPENAI_RESPONSES;
    }

    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        CodexArgsGuard.check(context.toolArgs());
        List<String> args = new ArrayList<>(tierArgs(plan));
        role(args, context, plan, "worker", Tier.MEDIUM,
                "General-purpose worker for bounded implementation subtasks (agent-launch: medium tier).");
        role(args, context, plan, "explorer", Tier.SMALL,
                "Fast read-only codebase exploration and search (agent-launch: small tier).");
        return args;
    }

    private static void role(List<String> args, LaunchContext context, TierPlan plan, String role, Tier tier,
                             String description) {
        StringBuilder file = new StringBuilder()
                .append("# Codex agent role '").append(role).append("' written by agent-launch for the ")
                .append(tier.id()).append(" tier\n")
                .append("model = ").append(Toml.string(plan.model(tier))).append('\n');
        contextWindow(plan, tier).ifPresent(n -> file.append("model_context_window = ").append(n).append('\n'));
        Path path = context.stateFiles().file(".toml", file.toString());
        config(args, "agents." + role + ".description", Toml.string(description));
        config(args, "agents." + role + ".config_file", Toml.string(path.toAbsolutePath().toString()));
    }

    private static OptionalInt contextWindow(TierPlan plan, Tier tier) {
        return plan.info(tier).map(i -> i.contextLength()).orElse(OptionalInt.empty());
    }

    private static void config(List<String> args, String key, String tomlValue) {
        args.add("-c");
        args.add(key + "=" + tomlValue);
    }
}
