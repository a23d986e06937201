package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ModelServer;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Ollama behind the {@link ModelServer} seam: the launcher's original checks, unchanged
 * ({@link OllamaClient}: {@code /api/version}, {@code /api/tags}, {@code /api/ps}, one
 * {@code /api/show} per model, all at once), and the only kind that can pull.
 * API: https://github.com/ollama/ollama/blob/main/docs/api.md
 */
public final class OllamaServer implements ModelServer {
    public static final String KIND = "ollama";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String displayName() {
        return "Ollama";
    }

    @Override
    public List<String> probePaths() {
        return List.of("/api/version");
    }

    /** {@code {"version":"0.13.0"}}; LM Studio answers this route with 200 and an {@code error}, which is not Ollama. */
    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        ServerAnswer a = answers.get("/api/version");
        return a != null && a.status() == 200 && a.json() instanceof Map<?, ?> m && m.get("version") instanceof String
                && !m.containsKey("error");
    }

    @Override
    public int detectionOrder() {
        return 10;
    }

    /** Ollama serves Anthropic messages (v0.14+), OpenAI chat completions and responses. */
    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.allOf(WireApi.class);
    }

    @Override
    public boolean canPull() {
        return true;
    }

    @Override
    public String startHint() {
        return "start it with 'ollama serve'";
    }

    @Override
    public String addModelHint() {
        return "pull one, e.g. 'ollama pull qwen3:8b'";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        Optional<ApiKey> key = server instanceof HttpServerConnection h ? h.key() : Optional.empty();
        ServerAddress address = server instanceof HttpServerConnection h ? h.address() : new ServerAddress(server.url(), "--host");
        return inspect(new OllamaClient(address, key), models);
    }

    /**
     * All requests at once, as the checks do; {@code /api/ps} failing only loses the served context. For a
     * plugin that asks through the seam; the launcher's own checks read Ollama's richer answers (cloud
     * models) in {@link ServerChecks}.
     */
    static CompletableFuture<ServerFacts> inspect(OllamaClient client, Set<String> models) {
        CompletableFuture<String> version = client.version();
        CompletableFuture<Map<String, ListedModel>> tags = client.tags();
        CompletableFuture<Map<String, Integer>> ps = client.ps().exceptionally(e -> Map.of());
        Map<String, CompletableFuture<ShowResult>> shows = new LinkedHashMap<>();
        models.forEach(m -> shows.put(m, client.show(m)));
        List<CompletableFuture<?>> all = new ArrayList<>(shows.values());
        all.add(version);
        all.add(tags);
        all.add(ps);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((ok, e) -> {
            // The first failure in request order, as the checks always reported it: version, tags, then each show.
            String v = version.join();
            Map<String, ListedModel> sizes = tags.join();
            Map<String, Integer> served = ps.join();
            Map<String, ServedModel> out = new LinkedHashMap<>();
            shows.forEach((name, f) -> {
                ShowResult show = f.join();
                String key = ModelNames.normalize(name);
                ListedModel listedModel = sizes.get(key);
                Long size = listedModel == null || listedModel.remote() ? null : listedModel.size();
                Integer ctx = served.get(key);
                out.put(name, new ServedModel(show.found(), show.found() && size != null ? OptionalLong.of(size)
                        : OptionalLong.empty(), show.contextLength(), ctx == null ? OptionalInt.empty() : OptionalInt.of(ctx),
                        show.capabilities()));
            });
            return new ServerFacts(v, out, List.copyOf(sizes.keySet()));
        });
    }
}
