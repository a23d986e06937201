package dev.agentlaunch.plugins.droid;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.ToolChecks;
import dev.agentlaunch.api.WireApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Factory's Droid ({@code droid}). Droid takes a settings file for one process
 * ({@code droid --settings FILE ...}, merged above {@code ~/.factory/settings.json}, which is
 * never written): the launcher writes one in its state dir with
 * <ul>
 *   <li>the plan's models as {@code customModels} on {@code <host>/v1} (chat completions), large
 *       first; Droid names each {@code custom:<displayName>-<index>}; a server's token as
 *       {@code "apiKey": "${VAR}"}, a reference Droid resolves from its own environment (documented
 *       for its settings files, https://docs.factory.ai/cli/byok/overview, and proven end to end for
 *       {@code --settings}), so the file never holds the token;</li>
 *   <li>large: {@code sessionDefaultSettings.model} (the main turn) and
 *       {@code subagentModelSettings.heavyModel};</li>
 *   <li>medium: {@code subagentModelSettings.mediumModel} (subagents of medium complexity, the
 *       {@code worker} droid);</li>
 *   <li>small: {@code subagentModelSettings.lightModel} (light subagents, the {@code explorer} droid).</li>
 * </ul>
 * Without a Factory login Droid's subagents need {@code FACTORY_AIRGAP_ENABLED=1} (else the Task
 * tool waits for a cloud daemon), which also stops its cloud sync; the launcher sets it, as a
 * launch against a model server of one's own has no use for Factory's cloud.
 */
@Extension
public final class DroidIntegration implements Integration {

    @Override
    public String id() {
        return "droid";
    }

    @Override
    public String displayName() {
        return "Droid";
    }

    @Override
    public List<String> executableNames() {
        return List.of("droid");
    }

    @Override
    public String installHint() {
        return "npm install -g droid";
    }

    /** The versions the end-to-end tests ran (distribution/agents/package-lock.json). */
    @Override
    public List<String> provenToolVersions() {
        return List.of("0.215.0");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main turn and heavy subagents (sessionDefaultSettings.model, subagentModelSettings.heavyModel)");
        roles.put(Tier.MEDIUM, "medium subagents, e.g. the worker droid (subagentModelSettings.mediumModel)");
        roles.put(Tier.SMALL, "light subagents, e.g. the explorer droid (subagentModelSettings.lightModel)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        return Map.of("FACTORY_AIRGAP_ENABLED", "1");
    }

    /** Chat completions: {@code generic-chat-completion-api} models send {@code POST /v1/chat/completions} only (observed). */
    @Override
    public WireApi wireApi() {
        return WireApi.OPENAI_CHAT;
    }

    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        ToolChecks.refuseArgs(displayName(), context.toolArgs(),
                "the launcher sets Droid's model from the large tier; use --large MODEL (or --model MODEL) instead",
                "-m", "--model");
        Path settings = context.stateFiles().file("-droid-settings.json", settings(plan));
        return List.of("--settings", settings.toAbsolutePath().toString());
    }

    /** The settings file's JSON. */
    static String settings(TierPlan plan) {
        List<String> names = new ArrayList<>(plan.distinctModels());
        List<Object> custom = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("model", name);
            model.put("displayName", name);
            model.put("baseUrl", plan.endpoint() + "/v1");
            // A placeholder Droid sends and Ollama ignores, or the token's variable by name (never its value).
            model.put("apiKey", plan.apiKeyEnv().map(var -> "${" + var + "}").orElse("ollama"));
            model.put("provider", "generic-chat-completion-api");
            plan.info(name).ifPresent(i -> i.contextLength().ifPresent(n -> model.put("maxOutputTokens", n / 4)));
            custom.add(model);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("customModels", custom);
        root.put("sessionDefaultSettings", Map.of("model", id(names, plan.model(Tier.LARGE))));
        Map<String, Object> subagents = new LinkedHashMap<>();
        subagents.put("heavyModel", id(names, plan.model(Tier.LARGE)));
        subagents.put("mediumModel", id(names, plan.model(Tier.MEDIUM)));
        subagents.put("lightModel", id(names, plan.model(Tier.SMALL)));
        root.put("subagentModelSettings", subagents);
        return Json.host().write(root);
    }

    /** Droid's id of a custom model: {@code custom:<displayName, spaces as dashes>-<index>}. */
    static String id(List<String> names, String model) {
        return "custom:" + model.replace(' ', '-') + "-" + names.indexOf(model);
    }
}
