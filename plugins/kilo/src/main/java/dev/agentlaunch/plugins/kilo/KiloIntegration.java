package dev.agentlaunch.plugins.kilo;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.ToolChecks;
import dev.agentlaunch.api.WireApi;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.pf4j.Extension;

/**
 * Kilo Code CLI ({@code kilo}, an OpenCode fork). Configured through {@code KILO_CONFIG_CONTENT},
 * inline JSON Kilo merges above its config files, so no file of the user or of Kilo changes:
 * <ul>
 *   <li>an {@code ollama} provider on {@code @ai-sdk/openai-compatible} at {@code <host>/v1} (chat
 *       completions); a server's token by reference, {@code "apiKey": "{env:VAR}"}, which Kilo
 *       substitutes from its own environment as OpenCode does;</li>
 *   <li>large: {@code model}, the main turn;</li>
 *   <li>medium: {@code subagent_model}, the subagents without a model of their own ({@code general});</li>
 *   <li>small: {@code agent.explore.model} (the explore subagent) and {@code small_model}
 *       (session titles, which Kilo sends in the background and may drop when a run ends first).</li>
 * </ul>
 * A user's own {@code KILO_CONFIG_CONTENT} is merged: the launcher's keys win, each replaced
 * value is reported in one line.
 */
@Extension
public final class KiloIntegration implements Integration {
    static final String VARIABLE = "KILO_CONFIG_CONTENT";
    static final String PROVIDER = "ollama";

    @Override
    public String id() {
        return "kilo";
    }

    @Override
    public String displayName() {
        return "Kilo Code";
    }

    @Override
    public List<String> executableNames() {
        return List.of("kilo");
    }

    @Override
    public String installHint() {
        return "npm install -g @kilocode/cli";
    }

    /** The versions the end-to-end tests ran (distribution/agents/package-lock.json). */
    @Override
    public List<String> provenToolVersions() {
        return List.of("7.7.7");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main conversation (model)");
        roles.put(Tier.MEDIUM, "subagents without a model of their own, e.g. general (subagent_model)");
        roles.put(Tier.SMALL, "the explore subagent (agent.explore) and session titles (small_model)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        return Map.of(VARIABLE, config(plan, null, line -> { }));
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        return Map.of(VARIABLE, config(plan, context.ambientEnv().get(VARIABLE), context::note));
    }

    /** Chat completions: the {@code @ai-sdk/openai-compatible} provider sends {@code POST /v1/chat/completions} only (observed). */
    @Override
    public WireApi wireApi() {
        return WireApi.OPENAI_CHAT;
    }

    /** Refuses a user's {@code -m}/{@code --model}, which would move the main turn off the large tier. */
    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        ToolChecks.refuseArgs(displayName(), context.toolArgs(),
                "the launcher sets Kilo's model from the large tier; use --large MODEL (or --model MODEL) instead",
                "-m", "--model");
        return List.of();
    }

    /** The launcher's config merged into the user's inline config ({@code ambient}; null: none), as compact JSON. */
    static String config(TierPlan plan, String ambient, Consumer<String> notes) {
        Map<String, Object> root = Json.host().parseInlineConfig(VARIABLE, ambient);
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("npm", "@ai-sdk/openai-compatible");
        provider.put("name", "Ollama (agent-launch)");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("baseURL", plan.endpoint() + "/v1");
        // The token by its variable's name, never its value: --dry-run shows this config as it is.
        plan.apiKeyEnv().ifPresent(var -> options.put("apiKey", "{env:" + var + "}"));
        provider.put("options", options);
        Map<String, Object> models = new LinkedHashMap<>();
        for (String model : plan.distinctModels()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", model);
            OptionalInt context = plan.info(model).map(i -> i.contextLength()).orElse(OptionalInt.empty());
            if (context.isPresent()) {
                Map<String, Object> limit = new LinkedHashMap<>();
                limit.put("context", context.getAsInt());
                limit.put("output", context.getAsInt() / 4);
                entry.put("limit", limit);
            }
            models.put(model, entry);
        }
        provider.put("models", models);
        if (object(root, "provider").put(PROVIDER, provider) != null) {
            notes.accept("replacing your " + VARIABLE + " provider." + PROVIDER + " for this session (the launch needs it)");
        }
        set(root, "model", Tier.LARGE, plan, notes);
        set(root, "subagent_model", Tier.MEDIUM, plan, notes);
        set(root, "small_model", Tier.SMALL, plan, notes);
        set(object(object(root, "agent"), "explore"), "agent.explore.model", Tier.SMALL, plan, notes);
        return Json.host().write(root);
    }

    private static void set(Map<String, Object> parent, String key, Tier tier, TierPlan plan, Consumer<String> notes) {
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        String ours = PROVIDER + "/" + plan.model(tier);
        Object theirs = parent.put(leaf, ours);
        if (theirs != null && !ours.equals(theirs)) {
            notes.accept("replacing your " + VARIABLE + " " + key + "=" + theirs + " with " + ours + " for this session ("
                    + tier.flag() + ")");
        }
    }

    /** The object under {@code name}, created when missing (a non-object value is replaced). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String name) {
        Object node = parent.get(name);
        if (node instanceof Map) {
            return (Map<String, Object>) node;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(name, created);
        return created;
    }
}
