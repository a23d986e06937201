package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.WireApi;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.pf4j.Extension;

/** A third party's server kind, shipped alone in a plugin jar: recognised by {@code GET /fake/hello}. */
@Extension
public final class FakeServerKind implements ModelServer {
    @Override
    public String kind() {
        return "fakekind";
    }

    @Override
    public String displayName() {
        return "Fake Server";
    }

    @Override
    public List<String> probePaths() {
        return List.of("/fake/hello");
    }

    @Override
    public boolean recognises(Map<String, ServerAnswer> answers) {
        ServerAnswer a = answers.get("/fake/hello");
        return a != null && a.status() == 200 && a.json() instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("fake"));
    }

    @Override
    public int detectionOrder() {
        return 5;
    }

    @Override
    public Set<WireApi> wireApis() {
        return EnumSet.of(WireApi.OPENAI_CHAT);
    }

    @Override
    public String startHint() {
        return "start the fake server";
    }

    @Override
    public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
        return server.get("/v1/models").thenApply(a -> {
            Map<String, Object> root = a.requireObject("GET /v1/models");
            String listed = String.valueOf(root.get("data"));
            Map<String, ServedModel> out = new LinkedHashMap<>();
            for (String m : models) {
                out.put(m, listed.contains("id=" + m + ",") ? new ServedModel(true, OptionalLong.empty(), OptionalInt.of(12345),
                        OptionalInt.empty(), Set.of()) : ServedModel.notServed());
            }
            return new ServerFacts("fake-1", out, List.of());
        });
    }
}
