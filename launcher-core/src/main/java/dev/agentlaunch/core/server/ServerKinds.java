package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.server.kinds.GenericOpenAiServer;
import dev.agentlaunch.core.server.kinds.LiteLlmServer;
import dev.agentlaunch.core.server.kinds.LlamaCppServer;
import dev.agentlaunch.core.server.kinds.LmStudioServer;
import dev.agentlaunch.core.server.kinds.SglangServer;
import dev.agentlaunch.core.server.kinds.VllmServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every server kind the launcher knows: the built-in ones, then those plugins add (a plugin's kind
 * with a built-in's name is ignored: the built-in wins, as the name means one thing everywhere).
 */
public final class ServerKinds {
    private final List<ModelServer> kinds;

    public ServerKinds(List<ModelServer> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The built-in kinds, in detection order. */
    public static List<ModelServer> builtIns() {
        return List.of(new OllamaServer(), new LiteLlmServer(), new LmStudioServer(), new VllmServer(), new SglangServer(),
                new LlamaCppServer(), new GenericOpenAiServer());
    }

    /** The built-ins plus the plugins' kinds. */
    public static ServerKinds with(List<ModelServer> fromPlugins) {
        List<ModelServer> all = new ArrayList<>(builtIns());
        for (ModelServer k : fromPlugins) {
            if (all.stream().noneMatch(b -> b.kind().equals(k.kind()))) {
                all.add(k);
            }
        }
        return new ServerKinds(all);
    }

    public List<ModelServer> all() {
        return kinds;
    }

    /** In detection order: specific kinds before the generic OpenAI-compatible one. */
    public List<ModelServer> inDetectionOrder() {
        return kinds.stream().sorted(Comparator.comparingInt(ModelServer::detectionOrder)).toList();
    }

    public Optional<ModelServer> find(String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    /**
     * @throws LauncherException exit 2 for a kind nobody provides
     */
    public ModelServer require(String kind, String source) {
        return find(kind).orElseThrow(() -> LauncherException.usage("unknown server kind '" + kind + "' in " + source
                + " (known: " + String.join(", ", names()) + "); pick one of those, or install the plugin that adds it"));
    }

    public List<String> names() {
        return kinds.stream().map(ModelServer::kind).toList();
    }

    public ModelServer ollama() {
        return find(OllamaServer.KIND).orElseThrow();
    }
}
