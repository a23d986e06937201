package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.PullEvent;
import dev.agentlaunch.api.ServerRefusedException;
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
import java.util.function.Consumer;
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

    /** It can pull: {@code POST /fake/pull} streams NDJSON progress, an {@code error} line when it cannot. */
    @Override
    public boolean canPull() {
        return true;
    }

    @Override
    public void pull(ServerConnection server, String model, Consumer<PullEvent> progress) {
        String what = "POST /fake/pull for " + model;
        boolean done = server.stream("/fake/pull", Json.host().write(Map.of("model", model)), what, line -> {
            if (!(line.json() instanceof Map<?, ?> m)) {
                throw new ServerRefusedException("the fake server answered " + what + " with a line that is not JSON");
            }
            if (m.get("error") != null) {
                throw new ServerRefusedException("pulling " + model + " failed: the fake server says '" + m.get("error")
                        + "'; check the name");
            }
            progress.accept(new PullEvent(String.valueOf(m.get("status")), (String) m.get("digest"), number(m.get("total")),
                    number(m.get("completed"))));
            return !"success".equals(m.get("status"));
        });
        if (!done) {
            throw new ServerRefusedException("pulling " + model + " stopped before the fake server said it was done");
        }
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
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
