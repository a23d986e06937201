package dev.agentlaunch.examples.qwen;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Qwen Code ({@code qwen}) against an OpenAI-compatible server. Qwen Code has two model slots:
 * the main model ({@code --model}, {@code OPENAI_MODEL}) and {@code fastModel}, a settings key
 * for background work (memory extraction, recaps, suggestions). So: large → main model, small →
 * {@code fastModel}, medium folds into large.
 *
 * <p>{@code fastModel} exists only in settings files and is honoured only when it is listed under
 * {@code modelProviders.openai}. The launcher never edits {@code ~/.qwen/settings.json}, so the
 * plugin writes a settings file into the launcher's state dir and names it with
 * {@code QWEN_CODE_SYSTEM_SETTINGS_PATH}: Qwen Code's "system settings" layer, which ranks above
 * the user's and the project's settings for the keys it sets. It sets {@code fastModel},
 * {@code agents.builtin.exploreModel: "fast"} (since 0.24 the built-in Explore subagent inherits the
 * main model unless this names the fast one; 0.15 ignores the key) and {@code modelProviders}; the
 * latter is merged by replacement, so the user's own {@code modelProviders} are hidden for this
 * session (the plugin says so when it sees them).
 */
@Extension
public final class QwenIntegration implements Integration {
    /** The variable naming Qwen Code's system settings file. */
    static final String SETTINGS_VARIABLE = "QWEN_CODE_SYSTEM_SETTINGS_PATH";

    @Override
    public String id() {
        return "qwen";
    }

    @Override
    public String displayName() {
        return "Qwen Code";
    }

    @Override
    public List<String> executableNames() {
        return List.of("qwen");
    }

    @Override
    public String installHint() {
        return "npm install -g @qwen-code/qwen-code@0.24.4";
    }

    @Override
    public List<String> provenToolVersions() {
        return List.of("0.15.10", "0.24.4");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main conversation and its subagents but Explore (--model, OPENAI_MODEL)");
        roles.put(Tier.MEDIUM, "folded into large: Qwen Code has no medium slot");
        roles.put(Tier.SMALL, "the Explore subagent and background work: memory extraction, recaps, suggestions "
                + "(fastModel and agents.builtin.exploreModel, session settings file)");
        return roles;
    }

    @Override
    public Map<String, Tier> tierVariables() {
        return Map.of("OPENAI_MODEL", Tier.LARGE);
    }

    /** Endpoint, a placeholder key (Ollama ignores it) and the main model. */
    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENAI_BASE_URL", plan.endpoint() + "/v1");
        env.put("OPENAI_API_KEY", "ollama");
        env.put("OPENAI_MODEL", plan.model(Tier.LARGE));
        return env;
    }

    /** Adds the session-only settings file that puts the small tier on {@code fastModel}. */
    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        Map<String, String> env = new LinkedHashMap<>(tierEnv(plan));
        env.put(SETTINGS_VARIABLE, context.stateFiles().file(".json", settings(plan)).toString());
        String own = context.ambientEnv().get(SETTINGS_VARIABLE);
        if (own != null && !own.isEmpty()) {
            context.note("your " + SETTINGS_VARIABLE + "=" + own + " is not read in this session: the launcher's own "
                    + "settings file takes its place to route the small tier");
        }
        context.home().map(h -> h.resolve(".qwen/settings.json")).filter(QwenIntegration::definesModelProviders)
                .ifPresent(p -> context.note("the modelProviders of " + p + " are hidden in this session "
                        + "(the launcher's settings layer lists the tier models instead); your other settings apply"));
        return env;
    }

    /** {@code --auth-type openai --model <large>}, unless the user passed either themselves. */
    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        List<String> args = new ArrayList<>();
        if (!passes(context.toolArgs(), "--auth-type")) {
            args.add("--auth-type");
            args.add("openai");
        }
        if (!passes(context.toolArgs(), "--model") && !passes(context.toolArgs(), "-m")) {
            args.add("--model");
            args.add(plan.model(Tier.LARGE));
        }
        return args;
    }

    @Override
    public List<String> tierArgs(TierPlan plan) {
        return List.of("--auth-type", "openai", "--model", plan.model(Tier.LARGE));
    }

    /**
     * The settings layer: {@code fastModel} is honoured only when it is one of the models listed
     * for the auth type, so both tier models are listed, each pointing at the server.
     */
    static String settings(TierPlan plan) {
        List<Object> providers = new ArrayList<>();
        for (String model : List.of(plan.model(Tier.LARGE), plan.model(Tier.SMALL)).stream().distinct().toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", model);
            entry.put("name", model);
            entry.put("baseUrl", plan.endpoint() + "/v1");
            entry.put("envKey", "OPENAI_API_KEY");
            providers.add(entry);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fastModel", plan.model(Tier.SMALL));
        // Since 0.24 the built-in Explore inherits the main model unless this names the fast one; 0.15 ignores it.
        settings.put("agents", Map.of("builtin", Map.of("exploreModel", "fast")));
        settings.put("modelProviders", Map.of("openai", providers));
        // The launcher's JSON (launcher-api 1.2's toolbox): no JSON code or library in the plugin.
        return Json.host().write(settings) + "\n";
    }

    private static boolean passes(List<String> args, String option) {
        return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    /** Read-only look at the user's settings, only to warn: unreadable or not JSON means no note. */
    private static boolean definesModelProviders(Path file) {
        try {
            return Files.isRegularFile(file) && Json.host().parseJsonc(Files.readString(file)) instanceof Map<?, ?> root
                    && root.containsKey("modelProviders");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
