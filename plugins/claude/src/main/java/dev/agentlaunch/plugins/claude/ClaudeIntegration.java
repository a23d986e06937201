package dev.agentlaunch.plugins.claude;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.WireApi;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Claude Code. It routes its own work by tier through three model aliases, each overridable by
 * an env var: opus (the main conversation when no {@code --model} is given), sonnet, and haiku
 * (session titles, the built-in Explore subagent, summaries). The launcher maps large/medium/small
 * onto those and points Claude Code at Ollama's Anthropic-compatible API.
 *
 * <p>Settings files ({@code ~/.claude/settings.json}, the project's) override the environment in
 * Claude Code; {@link RoutingGuard} puts the launch's routing back on top with {@code --settings}.
 *
 * <p>{@code CLAUDE_CODE_SUBAGENT_MODEL} is never set: it would override every subagent's own
 * routing (Explore would stop using the small tier).
 */
@Extension
public final class ClaudeIntegration implements Integration {
    static final String OPUS = "ANTHROPIC_DEFAULT_OPUS_MODEL";
    static final String SONNET = "ANTHROPIC_DEFAULT_SONNET_MODEL";
    static final String HAIKU = "ANTHROPIC_DEFAULT_HAIKU_MODEL";
    static final String SUBAGENT = "CLAUDE_CODE_SUBAGENT_MODEL";

    @Override
    public String id() {
        return "claude";
    }

    @Override
    public String displayName() {
        return "Claude Code";
    }

    @Override
    public List<String> executableNames() {
        return List.of("claude");
    }

    /** Where Claude Code's native installer links it ({@code ~/.local/bin/claude}) and where the older local install put it. */
    @Override
    public List<String> installDirs() {
        return List.of(".local/bin", ".claude/local");
    }

    @Override
    public String installHint() {
        return "npm install -g @anthropic-ai/claude-code";
    }

    /** The version the end-to-end tests run (distribution/agents/package-lock.json). */
    @Override
    public List<String> provenToolVersions() {
        return List.of("2.1.197");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main conversation and planning, --model opus (" + OPUS + ")");
        roles.put(Tier.MEDIUM, "--model sonnet, subagents that ask for sonnet (" + SONNET + ")");
        roles.put(Tier.SMALL, "session titles, the Explore subagent, summaries, --model haiku (" + HAIKU + ")");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        // Ollama serves the Anthropic Messages API at <host>/v1/messages; Claude Code adds /v1 itself.
        env.put("ANTHROPIC_BASE_URL", plan.endpoint());
        // Sent as a bearer token; Ollama ignores it. No interactive "use this API key?" prompt, unlike an API key.
        // A server's real token is added by tierEnv(plan, context), from the user's own variable: never through
        // this map, which also feeds the --settings argument (an argument anyone on the machine can read).
        if (plan.apiKeyEnv().isEmpty()) {
            env.put("ANTHROPIC_AUTH_TOKEN", "ollama");
        }
        // Empty on purpose: a non-empty key makes interactive Claude Code ask to use it, defaulting to No.
        env.put("ANTHROPIC_API_KEY", "");
        // Claude Code's per-request attribution prefix changes the system prompt each time and defeats the prompt cache.
        env.put("CLAUDE_CODE_ATTRIBUTION_HEADER", "0");
        env.put(OPUS, plan.model(Tier.LARGE));
        env.put(SONNET, plan.model(Tier.MEDIUM));
        env.put(HAIKU, plan.model(Tier.SMALL));
        return env;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        String subagent = context.ambientEnv().get(SUBAGENT);
        if (subagent != null && !subagent.isEmpty()) {
            context.note("your " + SUBAGENT + "=" + subagent + " sends every subagent (Explore too) to that model, "
                    + "overriding the tiers; unset it to let each subagent use its tier");
        }
        Map<String, String> env = tierEnv(plan);
        // The server's token, from the variable the user named (--api-key-env); the launcher writes it out only
        // as a reference to that variable, never as text.
        plan.apiKeyEnv().ifPresent(var -> {
            Map<String, String> withToken = new LinkedHashMap<>();
            env.forEach((k, v) -> {
                withToken.put(k, v);
                if (k.equals("ANTHROPIC_BASE_URL")) {
                    withToken.put("ANTHROPIC_AUTH_TOKEN", context.ambientEnv().getOrDefault(var, ""));
                }
            });
            env.clear();
            env.putAll(withToken);
        });
        return env;
    }

    /** Claude Code speaks only Anthropic's Messages API. */
    @Override
    public WireApi wireApi() {
        return WireApi.ANTHROPIC_MESSAGES;
    }

    /**
     * Claude Code's settings files beat its environment: whatever they set against the launch's
     * routing goes again through {@code --settings} (see {@link RoutingGuard}).
     */
    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        return new RoutingGuard(tierEnv(plan), tierVariables()).args(plan, context);
    }

    @Override
    public Map<String, Tier> tierVariables() {
        return Map.of(OPUS, Tier.LARGE, SONNET, Tier.MEDIUM, HAIKU, Tier.SMALL);
    }

    /** Every tier: the small tier runs the Explore subagent, which searches through tool calls too. */
    @Override
    public Set<Tier> tiersNeedingTools() {
        return EnumSet.allOf(Tier.class);
    }

    /**
     * Claude Code's system prompt and tool definitions alone are about 20k tokens, sent with every
     * request (the Explore subagent's too); 32k leaves room for the conversation.
     */
    @Override
    public int minimumContextTokens() {
        return 32768;
    }
}
