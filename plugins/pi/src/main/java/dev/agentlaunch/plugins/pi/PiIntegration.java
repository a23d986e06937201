package dev.agentlaunch.plugins.pi;

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
 * Pi ({@code pi}). Pi runs one model per session: no subagent tool, no title request, and
 * compaction uses the session model. So every request goes to the large tier; medium and small
 * fold into it.
 *
 * <p>The server is given as a Pi extension file in the launcher's state dir ({@code -e FILE}):
 * it registers a provider {@code ollama} on {@code <host>/v1} (OpenAI chat completions) with the
 * plan's models, and {@code --model ollama/<large>} picks the main one. Pi's own agent dir
 * ({@code ~/.pi/agent}, its models.json and settings) is left alone. A server's token goes in as
 * {@code "apiKey": "${VAR}"}: Pi resolves {@code $VAR} and {@code ${VAR}} in a provider's key from its
 * own environment, so the file never holds the token. Pi needs Node 22.
 */
@Extension
public final class PiIntegration implements Integration {
    static final String PROVIDER = "ollama";
    static final int NODE_MAJOR = 22;
    /** The context window Pi is told when the server did not say (an offline launch). */
    static final int DEFAULT_CONTEXT = 32768;

    @Override
    public String id() {
        return "pi";
    }

    @Override
    public String displayName() {
        return "Pi";
    }

    @Override
    public List<String> executableNames() {
        return List.of("pi");
    }

    @Override
    public String installHint() {
        return "npm install -g @earendil-works/pi-coding-agent";
    }

    /** The versions the end-to-end tests ran (distribution/agents/package-lock.json). */
    @Override
    public List<String> provenToolVersions() {
        return List.of("1.6.0");
    }

    @Override
    public java.util.Optional<String> runtimeProblem(LaunchContext context) {
        return ToolChecks.nodeProblem(context, displayName(), NODE_MAJOR);
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "every request: main turn and compaction (--model; Pi runs one model per session)");
        roles.put(Tier.MEDIUM, "folds into large (Pi has no subagents)");
        roles.put(Tier.SMALL, "folds into large (Pi sends no title or background requests)");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        return Map.of();
    }

    /** Chat completions: the provider's {@code api} is {@code openai-completions}, {@code POST /v1/chat/completions} (observed). */
    @Override
    public WireApi wireApi() {
        return WireApi.OPENAI_CHAT;
    }

    @Override
    public List<String> tierArgs(TierPlan plan) {
        return List.of("--model", PROVIDER + "/" + plan.model(Tier.LARGE));
    }

    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        ToolChecks.refuseArgs(displayName(), context.toolArgs(),
                "the launcher sets Pi's model from the large tier; use --large MODEL (or --model MODEL) instead",
                "--model", "--provider", "--models");
        ToolChecks.requireNode(context, displayName(), NODE_MAJOR);
        Path extension = context.stateFiles().file("-pi-provider.ts", extension(plan));
        List<String> args = new ArrayList<>(List.of("-e", extension.toAbsolutePath().toString()));
        args.addAll(tierArgs(plan));
        return args;
    }

    /** A Pi extension registering the server as a provider with the plan's models (JSON is valid TypeScript). */
    static String extension(TierPlan plan) {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("baseUrl", plan.endpoint() + "/v1");
        // A placeholder Pi wants and Ollama ignores, or the token's variable by name (never its value).
        provider.put("apiKey", plan.apiKeyEnv().map(var -> "${" + var + "}").orElse("ollama"));
        provider.put("api", "openai-completions");
        List<Object> models = new ArrayList<>();
        for (String name : plan.distinctModels()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", name);
            model.put("name", name);
            // Pi requires all of these for a chat model; a local model costs nothing.
            model.put("reasoning", false);
            model.put("input", List.of("text"));
            Map<String, Object> cost = new LinkedHashMap<>();
            for (String k : List.of("input", "output", "cacheRead", "cacheWrite")) {
                cost.put(k, 0);
            }
            model.put("cost", cost);
            int context = plan.info(name).map(i -> i.contextLength().orElse(DEFAULT_CONTEXT)).orElse(DEFAULT_CONTEXT);
            model.put("contextWindow", context);
            model.put("maxTokens", context / 4);      // leaves the rest for the conversation, as for OpenCode
            models.add(model);
        }
        provider.put("models", models);
        return "// Pi extension written by agent-launch: the model server as a provider, for this launch only.\n"
                + "export default function (pi) {\n"
                + "  pi.registerProvider(" + Json.host().write(PROVIDER) + ", " + Json.host().write(provider) + ");\n"
                + "}\n";
    }
}
