package dev.agentlaunch.core.server.kinds;

import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.WireApi;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * vLLM's OpenAI-compatible server (https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html):
 * {@code GET /v1/models} lists each served model with {@code owned_by:"vllm"} and
 * {@code max_model_len}, the context it is served with; {@code GET /version} is
 * {@code {"version":...}} and public even with {@code --api-key}, which guards {@code /v1/*} only.
 * It serves {@code /v1/chat/completions}, {@code /v1/responses} and {@code /v1/messages}. Tool
 * calling is a server flag ({@code --enable-auto-tool-choice}), not told per model; sizes and parameter counts are not told.
 */
public final class VllmServer extends OpenAiCompatible {
    @Override
    public String kind() {
        return "vllm";
    }

    @Override
    public String displayName() {
        return "vLLM";
    }

    @Override
    public List<String> probePaths() {
        return List.of(MODELS, "/version");
    }

    /** Its models are owned by "vllm"; behind a key, {@code /v1/models} is 401 and {@code /version} alone says {"version":...}. */
    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        if (Fields.ownedBy(answers.get(MODELS), "vllm")) {
            return true;
        }
        ServerAnswer models = answers.get(MODELS);
        Map<String, Object> version = Fields.object200(answers.get("/version"));
        return models != null && (models.status() == 401 || models.status() == 403) && version != null
                && version.size() == 1 && version.get("version") instanceof String;
    }

    @Override
    public int detectionOrder() {
        return 30;
    }

    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.allOf(WireApi.class);
    }

    @Override
    public String startHint() {
        return "start it with 'vllm serve MODEL'";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        CompletableFuture<String> version = server.get("/version")
                .thenApply(a -> {
                    String v = Fields.text(Fields.object200(a), "version");
                    return v == null ? "unknown" : v;
                }).exceptionally(e -> "unknown");
        return server.get(MODELS).thenCombine(version, (a, v) -> facts(v, listedModels(a.requireObject("GET " + MODELS)), models,
                VllmServer::describe));
    }

    @Override
    public String addModelHint() {
        return "serve one, e.g. 'vllm serve Qwen/Qwen3-8B --enable-auto-tool-choice --tool-call-parser hermes'";
    }

    /**
     * {@code max_model_len} is the context the server runs the model with; what it lists it has loaded (a vLLM
     * server loads its models at start-up and serves nothing else).
     */
    static ServedModel describe(Object entry) {
        OptionalInt len = Fields.tokens(entry, "max_model_len");
        return new ServedModel(true, OptionalLong.empty(), OptionalInt.empty(), len, Set.of()).withLoaded(true);
    }
}
