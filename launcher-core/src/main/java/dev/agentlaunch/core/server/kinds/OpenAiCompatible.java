package dev.agentlaunch.core.server.kinds;

import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the OpenAI-compatible kinds share: {@code GET /v1/models}
 * (https://platform.openai.com/docs/api-reference/models/list: {@code {"object":"list","data":[{"id":...}]}})
 * lists what the server serves; a kind adds what its own entries or endpoints say about a model.
 */
abstract class OpenAiCompatible implements ModelServer {
    static final String MODELS = "/v1/models";

    /** Each listed model's entry in {@code /v1/models}, by id (and by {@code root} where the kind serves aliases). */
    static Map<String, Object> listedModels(Map<String, Object> root) {
        Map<String, Object> byId = new LinkedHashMap<>();
        for (Object m : Fields.list(root, "data")) {
            String id = Fields.text(m, "id");
            if (id != null) {
                byId.put(id, m);
            }
        }
        return byId;
    }

    /**
     * The facts from one listing: each asked model is served when the listing names it, described by {@code describe}.
     */
    static ServerFacts facts(String version, Map<String, Object> listed, Set<String> models,
                             Function<Object, ServedModel> describe) {
        Map<String, ServedModel> out = new LinkedHashMap<>();
        for (String name : models) {
            Object entry = listed.get(name);
            out.put(name, entry == null ? ServedModel.notServed() : describe.apply(entry));
        }
        return new ServerFacts(version, out, new ArrayList<>(listed.keySet()));
    }

    /** {@code /v1/models} only: served or not, nothing more. */
    CompletableFuture<ServerFacts> inspectListing(ServerConnection server, Set<String> models, String version,
                                                  Function<Object, ServedModel> describe) {
        return server.get(MODELS).thenApply(a -> facts(version, listedModels(a.requireObject("GET " + MODELS)), models, describe));
    }

    @Override
    public List<String> probePaths() {
        return List.of(MODELS);
    }
}
