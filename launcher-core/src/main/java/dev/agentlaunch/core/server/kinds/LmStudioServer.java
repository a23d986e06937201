package dev.agentlaunch.core.server.kinds;

import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.auto.ModelCandidate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * LM Studio's native REST API v1 (https://lmstudio.ai/docs/developer/rest, LM Studio 0.4+):
 * {@code GET /api/v1/models} is {@code {"models":[{"key":..., "max_context_length":...,
 * "loaded_instances":[{"config":{"context_length":...}}], "capabilities":{"trained_for_tool_use":...}}]}}.
 * It answers an unknown route with 200 and {@code {"error":"Unexpected endpoint or method. ..."}}, so
 * only that shape of body counts. Chat completions, responses (0.3.29+) and Anthropic messages (0.4.1+).
 */
public final class LmStudioServer extends OpenAiCompatible {
    static final String NATIVE_MODELS = "/api/v1/models";

    @Override
    public String kind() {
        return "lmstudio";
    }

    @Override
    public String displayName() {
        return "LM Studio";
    }

    @Override
    public List<String> probePaths() {
        return List.of(NATIVE_MODELS);
    }

    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        Map<String, Object> root = Fields.object200(answers.get(NATIVE_MODELS));
        return root != null && !root.containsKey("error") && root.get("models") instanceof List<?> models
                && models.stream().allMatch(m -> Fields.text(m, "key") != null);
    }

    @Override
    public int detectionOrder() {
        return 20;
    }

    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.allOf(WireApi.class);
    }

    @Override
    public String startHint() {
        return "start it with 'lms server start'";
    }

    @Override
    public String addModelHint() {
        return "download one, e.g. 'lms get qwen/qwen3-8b'";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        return server.get(NATIVE_MODELS).thenApply(a -> {
            Map<String, Object> byKey = new LinkedHashMap<>();
            for (Object m : Fields.list(a.requireObject("GET " + NATIVE_MODELS), "models")) {
                String key = Fields.text(m, "key");
                if (key != null) {
                    byKey.put(key, m);
                }
            }
            Map<String, ServedModel> out = new LinkedHashMap<>();
            for (String name : models) {
                Object m = byKey.get(name);
                out.put(name, m == null ? ServedModel.notServed() : describe(m));
            }
            return new ServerFacts("unknown", out, new ArrayList<>(byKey.keySet()));
        });
    }

    /**
     * The loaded instance's context when it is loaded (what it serves), the model's maximum either way;
     * {@code size_bytes}, {@code params_string} ({@code 7B}, null when unknown) and {@code type} ({@code llm} or
     * {@code embedding}) as the model list documents them (https://lmstudio.ai/docs/developer/rest/list).
     */
    static ServedModel describe(Object m) {
        OptionalInt served = OptionalInt.empty();
        List<?> instances = Fields.list(m, "loaded_instances");
        for (Object instance : instances) {
            served = Fields.tokens(Fields.obj(instance, "config"), "context_length");
            if (served.isPresent()) {
                break;
            }
        }
        Boolean tools = Fields.bool(Fields.obj(m, "capabilities"), "trained_for_tool_use");
        Set<String> caps = "embedding".equals(Fields.text(m, "type")) ? Set.of("embedding")
                : tools == null ? Set.of() : tools ? Set.of("completion", "tools") : Set.of("completion");
        return new ServedModel(true, Fields.count(m, "size_bytes"), Fields.tokens(m, "max_context_length"), served, caps,
                ModelCandidate.parseCount(Fields.text(m, "params_string")), !instances.isEmpty());
    }
}
