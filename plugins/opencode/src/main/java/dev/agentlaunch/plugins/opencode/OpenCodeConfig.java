package dev.agentlaunch.plugins.opencode;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The inline OpenCode config ({@code OPENCODE_CONFIG_CONTENT}) for a plan: an {@code ollama}
 * provider on {@code @ai-sdk/openai-compatible} at {@code <host>/v1} listing every tier's model,
 * and the tier keys. When the user already has an inline config, the launcher's keys are merged
 * into it rather than replacing it, following the environment policy: a tier the user chose on
 * this command line replaces their value, a derived one yields to it; the endpoint is always the
 * launcher's. Every replaced or kept value is reported in one line.
 *
 * <p>The JSON is read into plain maps and lists and written back by the launcher's {@link Json}.
 */
final class OpenCodeConfig {
    static final String VARIABLE = "OPENCODE_CONFIG_CONTENT";
    static final String PROVIDER = "ollama";

    /** Which config key carries which tier, in the order they are written. */
    static final Map<String, Tier> TIER_KEYS = tierKeys();

    private OpenCodeConfig() {
    }

    private static Map<String, Tier> tierKeys() {
        Map<String, Tier> keys = new LinkedHashMap<>();
        keys.put("model", Tier.LARGE);
        keys.put("small_model", Tier.SMALL);
        keys.put("agent.build.model", Tier.LARGE);
        keys.put("agent.plan.model", Tier.LARGE);
        keys.put("agent.general.model", Tier.MEDIUM);
        keys.put("agent.explore.model", Tier.SMALL);
        return keys;
    }

    /** The launcher's config alone, as compact JSON. */
    static String build(TierPlan plan) {
        return merge(plan, null, line -> { });
    }

    /**
     * The launcher's config merged into the user's {@code ambient} inline config (null or blank:
     * none), as compact JSON.
     *
     * @throws LaunchRefusedException when {@code ambient} is not a JSON object
     */
    static String merge(TierPlan plan, String ambient, Consumer<String> notes) {
        // OpenCode reads its config as JSONC: comments and trailing commas are fine there, so here too.
        Map<String, Object> root = Json.host().parseInlineConfig(VARIABLE, ambient);
        Map<String, Object> provider = object(object(root, "provider"), PROVIDER);
        provider.put("npm", "@ai-sdk/openai-compatible");
        if (!provider.containsKey("name")) {
            provider.put("name", "Ollama (agent-launch)");
        }
        Map<String, Object> options = object(provider, "options");
        String baseUrl = plan.endpoint() + "/v1";
        Object theirs = options.get("baseURL");
        if (options.containsKey("baseURL") && !text(theirs).equals(baseUrl)) {
            notes.accept("replacing your " + VARIABLE + " provider." + PROVIDER + ".options.baseURL=" + text(theirs)
                    + " with " + baseUrl + " for this session (the launch needs it)");
        }
        options.put("baseURL", baseUrl);
        // The token by reference: OpenCode substitutes {env:VAR} from its own environment.
        plan.apiKeyEnv().ifPresent(var -> options.put("apiKey", "{env:" + var + "}"));
        Map<String, Object> models = object(provider, "models");
        for (Tier tier : Tier.values()) {
            String model = plan.model(tier);
            if (!plan.tierServers().containsKey(tier) && !models.containsKey(model)) {
                models.put(model, model(plan, model));
            }
        }
        Map<Tier, String> providers = tierProviders(root, plan);
        TIER_KEYS.forEach((key, tier) -> setTierKey(root, key, tier, plan, models, notes, providers.getOrDefault(tier, PROVIDER)));
        return Json.host().write(root);
    }

    /**
     * One more provider per server that single tiers were sent to ({@code server2}, {@code server3}, in
     * tier order), each listing its tiers' models: OpenCode routes a model by its provider's prefix.
     */
    private static Map<Tier, String> tierProviders(Map<String, Object> root, TierPlan plan) {
        Map<Tier, String> byTier = new java.util.EnumMap<>(Tier.class);
        Map<String, String> byUrl = new LinkedHashMap<>();
        plan.tierServers().forEach((tier, server) -> {
            String id = byUrl.computeIfAbsent(server.url(), u -> "server" + (byUrl.size() + 2));
            byTier.put(tier, id);
            Map<String, Object> provider = object(object(root, "provider"), id);
            provider.put("npm", "@ai-sdk/openai-compatible");
            provider.put("name", server.kind() + " at " + server.url() + " (agent-launch)");
            Map<String, Object> options = object(provider, "options");
            options.put("baseURL", server.url() + "/v1");
            server.apiKeyEnv().ifPresent(var -> options.put("apiKey", "{env:" + var + "}"));
            object(provider, "models").putIfAbsent(plan.model(tier), model(plan, plan.model(tier)));
        });
        return byTier;
    }

    /** A value as the text it stands for: strings as they are, numbers and booleans printed, structures empty. */
    private static String text(Object value) {
        if (value instanceof Map || value instanceof List) {
            return "";
        }
        return String.valueOf(value);
    }

    private static Map<String, Object> model(TierPlan plan, String model) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", model);
        OptionalInt context = plan.info(model).map(i -> i.contextLength()).orElse(OptionalInt.empty());
        if (context.isPresent()) {
            // OpenCode requires an output limit next to the context; a quarter of the window
            // leaves the rest for the conversation before OpenCode compacts it.
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("context", context.getAsInt());
            limit.put("output", context.getAsInt() / 4);
            entry.put("limit", limit);
        }
        return entry;
    }

    private static void setTierKey(Map<String, Object> root, String key, Tier tier, TierPlan plan, Map<String, Object> models,
                                   Consumer<String> notes, String providerId) {
        String[] path = key.split("\\.");
        Map<String, Object> parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = object(parent, path[i]);
        }
        String leaf = path[path.length - 1];
        String ours = providerId + "/" + plan.model(tier);
        Object mine = parent.get(leaf);
        if (mine == null || text(mine).equals(ours)) {
            parent.put(leaf, ours);
        } else if (!plan.source(tier).isExplicit()) {
            notes.accept("keeping your " + VARIABLE + " " + key + "=" + text(mine) + " (the " + tier.id() + " tier's "
                    + plan.model(tier) + " was only derived: " + plan.source(tier).label() + "); pass " + tier.flag()
                    + " to replace it for this session");
            String prefix = PROVIDER + "/";
            if (text(mine).startsWith(prefix) && !models.containsKey(text(mine).substring(prefix.length()))) {
                // OpenCode only routes to models its provider lists.
                String name = text(mine).substring(prefix.length());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", name);
                models.put(name, entry);
            }
        } else {
            notes.accept("replacing your " + VARIABLE + " " + key + "=" + text(mine) + " with " + ours
                    + " for this session (from " + plan.source(tier).label() + ")");
            parent.put(leaf, ours);
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
