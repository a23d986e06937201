package dev.agentlaunch.core.server;

import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.auto.ModelCandidate;
import dev.agentlaunch.core.auto.ModelCatalog;
import dev.agentlaunch.core.tiers.ModelName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Ollama's models as {@code --auto} and the picker see them. {@code GET /api/tags} lists them with
 * their sizes, {@code details.parameter_size} and, for a cloud model, {@code remote_host}; then one
 * {@code POST /api/show} per model, all at once, gives what every server version reports there:
 * {@code capabilities}, the context ({@code <arch>.context_length}) and the exact
 * {@code general.parameter_count} in {@code model_info}; {@code GET /api/ps} says which are loaded.
 * (Newer servers also put capabilities in {@code /api/tags}; older ones do not, so it is not relied on.)
 */
public final class OllamaModelCatalog implements ModelCatalog {
    private final OllamaClient client;

    public OllamaModelCatalog(OllamaClient client) {
        this.client = client;
    }

    @Override
    public List<ModelCandidate> list() {
        CompletableFuture<Object> tags = client.json("GET", "/api/tags", null);
        // Only marks loaded models; an old server without /api/ps must not stop the choice.
        CompletableFuture<Object> ps = client.json("GET", "/api/ps", null).exceptionally(e -> Map.of());
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Object m : Json.list(join(tags), "models")) {
            String name = Json.text(m, "name") != null ? Json.text(m, "name") : Json.text(m, "model");
            if (name != null && !name.isBlank()) {
                entries.putIfAbsent(name, m);
            }
        }
        Map<String, CompletableFuture<Object>> shows = new LinkedHashMap<>();
        // A model removed between the two requests, or one /api/show cannot describe, is listed with what /api/tags said.
        entries.keySet().forEach(n -> shows.put(n, client.json("POST", "/api/show", Json.object("model", n))
                .exceptionally(e -> Map.of())));
        Set<String> loaded = new HashSet<>();
        for (Object m : Json.list(join(ps), "models")) {
            for (String key : List.of("name", "model")) {
                String name = Json.text(m, key);
                if (name != null) {
                    loaded.add(ModelNames.normalize(name));
                }
            }
        }
        List<ModelCandidate> models = new ArrayList<>();
        entries.forEach((name, tag) -> models.add(candidate(name, tag, join(shows.get(name)),
                loaded.contains(ModelNames.normalize(name)))));
        return models;
    }

    static ModelCandidate candidate(String name, Object tag, Object show, boolean loaded) {
        Map<String, Object> info = Json.obj(show, "model_info");
        long exact = Json.number(info, "general.parameter_count");
        OptionalLong parameters = exact > 0 ? OptionalLong.of(exact) : ModelCandidate.parseCount(Json.text(Json.obj(show, "details"), "parameter_size"));
        if (parameters.isEmpty()) {
            parameters = ModelCandidate.parseCount(Json.text(Json.obj(tag, "details"), "parameter_size"));
        }
        if (parameters.isEmpty()) {
            parameters = ModelCandidate.countInName(name);
        }
        long size = Json.number(tag, "size");
        Set<String> caps = new HashSet<>();
        Json.list(show, "capabilities").forEach(c -> caps.add(String.valueOf(c)));
        OptionalInt context = OllamaClient.contextLength(info);
        return new ModelCandidate(name, parameters, size > 0 ? OptionalLong.of(size) : OptionalLong.empty(), caps, context,
                remote(name, tag), loaded);
    }

    /** A cloud model: the server lists where it runs, or its name says so ({@code gpt-oss:120b-cloud}, {@code ...:cloud}). */
    static boolean remote(String name, Object tag) {
        String host = Json.text(tag, "remote_host");
        String model = Json.text(tag, "remote_model");
        return (host != null && !host.isBlank()) || (model != null && !model.isBlank()) || ModelName.isCloud(name);
    }

    private static Object join(CompletableFuture<Object> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof LauncherException le) {
                throw le;
            }
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
