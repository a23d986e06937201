package dev.agentlaunch.plugins.opencode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import java.util.LinkedHashMap;
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
 */
final class OpenCodeConfig {
    static final String VARIABLE = "OPENCODE_CONFIG_CONTENT";
    static final String PROVIDER = "ollama";

    /** Which config key carries which tier, in the order they are written. */
    static final Map<String, Tier> TIER_KEYS = tierKeys();

    // OpenCode reads its config as JSONC: comments and trailing commas are fine there, so here too.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

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
        ObjectNode root = ambient == null || ambient.isBlank() ? JSON.createObjectNode() : parse(ambient);
        ObjectNode provider = object(object(root, "provider"), PROVIDER);
        provider.put("npm", "@ai-sdk/openai-compatible");
        if (!provider.has("name")) {
            provider.put("name", "Ollama (agent-launch)");
        }
        ObjectNode options = object(provider, "options");
        String baseUrl = plan.endpoint() + "/v1";
        JsonNode theirs = options.get("baseURL");
        if (theirs != null && !theirs.asText().equals(baseUrl)) {
            notes.accept("replacing your " + VARIABLE + " provider." + PROVIDER + ".options.baseURL=" + theirs.asText()
                    + " with " + baseUrl + " for this session (the launch needs it)");
        }
        options.put("baseURL", baseUrl);
        ObjectNode models = object(provider, "models");
        for (String model : plan.distinctModels()) {
            if (!models.has(model)) {
                models.set(model, model(plan, model));
            }
        }
        TIER_KEYS.forEach((key, tier) -> setTierKey(root, key, tier, plan, models, notes));
        return root.toString();
    }

    private static ObjectNode parse(String ambient) {
        JsonNode node;
        try {
            node = JSON.readTree(ambient);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new LaunchRefusedException("your " + VARIABLE + " is not valid JSON (" + firstLine(e.getOriginalMessage())
                    + where + "); fix it or unset it for this launch");
        }
        if (node == null || !node.isObject()) {
            throw new LaunchRefusedException("your " + VARIABLE + " is not a JSON object; fix it or unset it for this launch");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode model(TierPlan plan, String model) {
        ObjectNode entry = JSON.createObjectNode().put("name", model);
        OptionalInt context = plan.info(model).map(i -> i.contextLength()).orElse(OptionalInt.empty());
        if (context.isPresent()) {
            // OpenCode requires an output limit next to the context; a quarter of the window
            // leaves the rest for the conversation before OpenCode compacts it.
            entry.putObject("limit").put("context", context.getAsInt()).put("output", context.getAsInt() / 4);
        }
        return entry;
    }

    private static void setTierKey(ObjectNode root, String key, Tier tier, TierPlan plan, ObjectNode models,
                                   Consumer<String> notes) {
        String[] path = key.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = object(parent, path[i]);
        }
        String leaf = path[path.length - 1];
        String ours = PROVIDER + "/" + plan.model(tier);
        JsonNode mine = parent.get(leaf);
        if (mine == null || mine.isNull() || mine.asText().equals(ours)) {
            parent.put(leaf, ours);
        } else if (!plan.source(tier).isExplicit()) {
            notes.accept("keeping your " + VARIABLE + " " + key + "=" + mine.asText() + " (the " + tier.id() + " tier's "
                    + plan.model(tier) + " was only derived: " + plan.source(tier).label() + "); pass " + tier.flag()
                    + " to replace it for this session");
            String prefix = PROVIDER + "/";
            if (mine.asText().startsWith(prefix) && !models.has(mine.asText().substring(prefix.length()))) {
                // OpenCode only routes to models its provider lists.
                String name = mine.asText().substring(prefix.length());
                models.set(name, JSON.createObjectNode().put("name", name));
            }
        } else {
            notes.accept("replacing your " + VARIABLE + " " + key + "=" + mine.asText() + " with " + ours
                    + " for this session (from " + plan.source(tier).label() + ")");
            parent.put(leaf, ours);
        }
    }

    /** The object under {@code name}, created when missing (a non-object value is replaced). */
    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl).strip();
        // Jackson appends where an unclosed object started, with a "[Source: ...]" internals note.
        return m.replaceAll("\\s*\\(start marker at \\[Source:.*$", "");
    }
}
