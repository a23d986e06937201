package dev.agentlaunch.core.server.kinds;

import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.WireApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * llama.cpp's {@code llama-server} (https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md):
 * {@code GET /props} gives {@code default_generation_settings.n_ctx}, the context it serves
 * (what {@code /v1/models} gives as {@code meta.n_ctx_train} is the trained one), and
 * {@code chat_template_caps.supports_tool_calls} when started with {@code --jinja};
 * {@code GET /v1/models} lists with {@code owned_by:"llamacpp"} and {@code meta.n_params}, {@code meta.size}
 * (the loaded model's parameter count and bytes). One model per server, loaded at start-up: it answers
 * to any model name, so every tier's model counts as served. Chat completions, Anthropic messages
 * and (recent builds) responses.
 */
public final class LlamaCppServer extends OpenAiCompatible {
    static final String PROPS = "/props";

    @Override
    public String kind() {
        return "llamacpp";
    }

    @Override
    public String displayName() {
        return "llama.cpp";
    }

    @Override
    public List<String> probePaths() {
        return List.of(MODELS, PROPS);
    }

    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        Map<String, Object> props = Fields.object200(answers.get(PROPS));
        return Fields.ownedBy(answers.get(MODELS), "llamacpp")
                || props != null && props.get("default_generation_settings") instanceof Map<?, ?>;
    }

    @Override
    public int detectionOrder() {
        return 40;
    }

    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.allOf(WireApi.class);
    }

    @Override
    public String startHint() {
        return "start it with 'llama-server -m MODEL.gguf --jinja'";
    }

    @Override
    public String addModelHint() {
        return "start llama-server with one, e.g. 'llama-server -hf Qwen/Qwen3-8B-GGUF --jinja'";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        CompletableFuture<Map<String, Object>> listing = server.get(MODELS).thenApply(a -> a.requireObject("GET " + MODELS));
        return server.get(PROPS).thenCombine(listing, (a, list) -> {
            Map<String, Object> props = a.requireObject("GET " + PROPS);
            OptionalInt nCtx = Fields.tokens(Fields.obj(props, "default_generation_settings"), "n_ctx");
            Boolean tools = Fields.bool(Fields.obj(props, "chat_template_caps"), "supports_tool_calls");
            Set<String> caps = tools == null ? Set.of() : tools ? Set.of("completion", "tools") : Set.of("completion");
            Map<String, Object> listed = listedModels(list);
            Object only = listed.isEmpty() ? null : listed.values().iterator().next();
            Map<String, ServedModel> out = new LinkedHashMap<>();
            for (String m : models) {
                // meta.n_params and meta.size describe the loaded model: the listed entry, else (any name is served) the one.
                Map<String, Object> meta = Fields.obj(listed.getOrDefault(m, only), "meta");
                out.put(m, new ServedModel(true, Fields.count(meta, "size"), OptionalInt.empty(), nCtx, caps,
                        Fields.count(meta, "n_params"), true));
            }
            String build = Fields.text(props, "build_info");
            return new ServerFacts(build == null ? "unknown" : build, out, new ArrayList<>(listed.keySet()));
        });
    }
}
