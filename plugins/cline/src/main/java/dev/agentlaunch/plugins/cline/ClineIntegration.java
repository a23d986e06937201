package dev.agentlaunch.plugins.cline;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.ToolChecks;
import dev.agentlaunch.api.WireApi;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The Cline CLI ({@code cline}). Cline runs one model per session: its subagents
 * ({@code spawn_agent}) and team tools inherit it and it sends no title request, so every
 * request goes to the large tier; medium and small fold into it.
 *
 * <p>The server is given as a configuration directory in the launcher's state dir
 * ({@code --config DIR}), holding {@code data/settings/providers.json} with one
 * {@code openai-compatible} provider on {@code <host>/v1}; {@code ~/.cline} is left alone. Cline
 * keeps that session's history in the same directory (one per server and model).
 * {@code CLINE_SESSION_BACKEND_MODE=local} runs the session in the process itself: without it
 * Cline starts a hub daemon that outlives the launch and serves later runs with the settings it
 * started with.
 *
 * <p>A server's token never goes into {@code providers.json}: Cline sends its {@code apiKey} as it
 * stands (a {@code ${VAR}} arrives at the server as those very characters). Without an
 * {@code apiKey} there, Cline's {@code openai-compatible} provider takes the key from
 * {@code OPENAI_API_KEY}, which the launcher sets from the user's own variable in the child's
 * environment only.
 */
@Extension
public final class ClineIntegration implements Integration {
    static final String PROVIDER = "openai-compatible";
    static final String PROVIDERS_FILE = "data/settings/providers.json";
    /** Where Cline's {@code openai-compatible} provider looks for its key when its settings hold none. */
    static final String API_KEY = "OPENAI_API_KEY";

    @Override
    public String id() {
        return "cline";
    }

    @Override
    public String displayName() {
        return "Cline";
    }

    @Override
    public List<String> executableNames() {
        return List.of("cline");
    }

    @Override
    public String installHint() {
        return "npm install -g cline";
    }

    /** The versions the end-to-end tests ran (distribution/agents/package-lock.json). */
    @Override
    public List<String> provenToolVersions() {
        return List.of("3.0.65");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "every request: main turn, subagents and compaction (Cline runs one model per session)");
        roles.put(Tier.MEDIUM, "folds into large (Cline's subagents inherit the session model)");
        roles.put(Tier.SMALL, "folds into large (Cline sends no title or background requests)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        return Map.of("CLINE_SESSION_BACKEND_MODE", "local");
    }

    /** With a token, its value from the user's variable, for Cline to read (see the class comment). */
    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        Map<String, String> env = new LinkedHashMap<>(tierEnv(plan));
        plan.apiKeyEnv().ifPresent(var -> env.put(API_KEY, context.ambientEnv().getOrDefault(var, "")));
        return env;
    }

    /** Chat completions: the {@code openai-compatible} provider sends {@code POST /v1/chat/completions} only (observed). */
    @Override
    public WireApi wireApi() {
        return WireApi.OPENAI_CHAT;
    }

    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        ToolChecks.refuseArgs(displayName(), context.toolArgs(),
                "the launcher sets Cline's provider and model from the large tier; use --large MODEL (or --model MODEL) "
                        + "and --host URL instead", "-m", "--model", "-P", "--provider", "--config", "--data-dir");
        Path dir = context.stateFiles().directory("-cline", PROVIDERS_FILE, providers(plan));
        return List.of("--config", dir.toAbsolutePath().toString());
    }

    /** What {@code cline auth -p openai-compatible -b URL -k KEY -m MODEL --config DIR} would write. */
    static String providers(TierPlan plan) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("provider", PROVIDER);
        if (plan.apiKeyEnv().isEmpty()) {
            settings.put("apiKey", "ollama");       // a placeholder: Cline sends it, Ollama ignores it
        }
        settings.put("model", plan.model(Tier.LARGE));
        settings.put("baseUrl", plan.endpoint() + "/v1");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("settings", settings);
        // Cline ignores an entry without updatedAt; a fixed time keeps the file (and its path) deterministic.
        entry.put("updatedAt", "2026-01-01T00:00:00.000Z");
        entry.put("tokenSource", "manual");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("lastUsedProvider", PROVIDER);
        root.put("modes", Map.of());
        root.put("providers", Map.of(PROVIDER, entry));
        return Json.host().write(root);
    }
}
