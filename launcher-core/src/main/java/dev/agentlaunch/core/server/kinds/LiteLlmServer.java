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
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A LiteLLM proxy (gateway) in front of other servers (https://docs.litellm.ai/docs/proxy/health,
 * https://docs.litellm.ai/docs/proxy/model_management): {@code GET /health/readiness} is public and
 * carries {@code litellm_version}; {@code GET /model/info} (behind the master or a virtual key) is
 * {@code {"data":[{"model_name":..., "model_info":{"max_input_tokens":..., "supports_function_calling":...}}]}}.
 * It serves chat completions, responses and Anthropic messages, translating for backends that
 * speak only one: the usual answer when a tool needs an API its server lacks.
 */
public final class LiteLlmServer extends OpenAiCompatible {
    static final String READINESS = "/health/readiness";
    static final String MODEL_INFO = "/model/info";

    @Override
    public String kind() {
        return "litellm";
    }

    @Override
    public String displayName() {
        return "LiteLLM";
    }

    @Override
    public List<String> probePaths() {
        return List.of(READINESS);
    }

    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        Map<String, Object> root = Fields.object200(answers.get(READINESS));
        return root != null && root.containsKey("litellm_version");
    }

    @Override
    public int detectionOrder() {
        return 15;
    }

    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.allOf(WireApi.class);
    }

    @Override
    public String startHint() {
        return "start it with 'litellm --config config.yaml'";
    }

    @Override
    public String addModelHint() {
        return "add one to the gateway's model_list (its config.yaml) and restart it";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        CompletableFuture<String> version = server.get(READINESS).thenApply(a -> {
            String v = Fields.text(Fields.object200(a), "litellm_version");
            return v == null ? "unknown" : v;
        }).exceptionally(e -> "unknown");
        return server.get(MODEL_INFO).thenCombine(version, (a, v) -> {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (Object m : Fields.list(a.requireObject("GET " + MODEL_INFO), "data")) {
                String name = Fields.text(m, "model_name");
                if (name != null) {
                    byName.putIfAbsent(name, m);
                }
            }
            Map<String, ServedModel> out = new LinkedHashMap<>();
            for (String name : models) {
                Object m = byName.get(name);
                out.put(name, m == null ? ServedModel.notServed() : describe(Fields.obj(m, "model_info")));
            }
            return new ServerFacts(v, out, new ArrayList<>(byName.keySet()));
        });
    }

    /**
     * {@code mode} says what a model does ({@code chat}, {@code completion}, {@code embedding}, ...,
     * https://docs.litellm.ai/docs/proxy/health#embedding-models): an embedding model never completes.
     * A gateway does not say what is loaded behind it, nor sizes or parameter counts.
     */
    static ServedModel describe(Map<String, Object> info) {
        Boolean tools = Fields.bool(info, "supports_function_calling");
        String mode = Fields.text(info, "mode");
        Set<String> caps = "embedding".equals(mode) ? Set.of("embedding")
                : tools == null ? Set.of() : tools ? Set.of("completion", "tools") : Set.of("completion");
        OptionalInt max = Fields.tokens(info, "max_input_tokens");
        return new ServedModel(true, OptionalLong.empty(), max, OptionalInt.empty(), caps);
    }
}
