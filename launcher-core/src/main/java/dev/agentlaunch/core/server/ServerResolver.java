package dev.agentlaunch.core.server;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.ServerEndpoint;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.LauncherException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the server a launch asked for ({@link ServerSpec}) into one with a known kind: the token
 * resolved from its variable, the kind named (and confirmed) or detected, and the integration's
 * wire API checked against what the kind serves. {@code --offline} contacts nothing: the kind is
 * the one named, else Ollama.
 */
public final class ServerResolver {
    private final ServerKinds kinds;
    private final Map<String, String> env;

    public ServerResolver(ServerKinds kinds, Map<String, String> env) {
        this.kinds = kinds;
        this.env = env;
    }

    /** The token the spec names, validated (exit 2 for a token where a name belongs, 3 for an unset variable). */
    public Optional<ApiKey> key(ServerSpec spec) {
        return ApiKey.resolve(spec.apiKeyEnv(), spec.apiKeyEnvSource(), env);
    }

    /** Without contacting the server: the named kind, else Ollama. */
    public ServerEndpoint offline(ServerSpec spec, Optional<ApiKey> key) {
        ModelServer kind = spec.kind() == null ? kinds.ollama() : kinds.require(spec.kind(), spec.kindSource());
        return new ServerEndpoint(spec.address().url(), kind.kind(), key.map(ApiKey::variable));
    }

    /** How {@link #offline} found the kind, for {@code --dry-run}. */
    public static String offlineSource(ServerSpec spec) {
        return spec.kind() == null ? "default (not detected: --offline)" : spec.kindSource();
    }

    /**
     * Finds the kind (confirming a named one) by asking the server.
     *
     * @throws LauncherException exit 2 for an unknown kind; 3 for a server that does not answer, refuses the token or answers like no kind
     */
    public ServerTarget connect(ServerSpec spec, Optional<ApiKey> key) {
        ModelServer named = spec.kind() == null ? null : kinds.require(spec.kind(), spec.kindSource());
        HttpServerConnection connection = new HttpServerConnection(spec.address(), key,
                named == null ? "model" : named.displayName(),
                named == null ? "start it (e.g. 'ollama serve', 'vllm serve MODEL')" : named.startHint());
        KindDetector detector = new KindDetector(kinds);
        KindDetector.Detected found;
        try {
            found = named == null ? detector.detect(connection) : detector.verify(connection, named, spec.kindSource());
        } catch (LauncherException e) {
            if (named == null && e.getCause() instanceof java.io.IOException down) {
                // Nothing answered and no kind was named: most likely an Ollama that is not running, so the
                // words are Ollama's checks' own (one place for them).
                throw new OllamaClient(spec.address()).failure(down, "GET /api/version");
            }
            throw e;
        }
        return ServerTarget.of(connection, found.kind(), found.how());
    }

    /**
     * The integration's wire API against what the kind serves.
     *
     * @throws LauncherException exit 3 naming the missing API and what would serve it
     */
    public void requireWireApi(Integration integration, WireApi needed, ServerEndpoint endpoint) {
        ModelServer kind = kinds.require(endpoint.kind(), "the server");
        if (kind.wireApis().contains(needed)) {
            return;
        }
        String servers = kinds.all().stream().filter(k -> k.wireApis().contains(needed) && !k.kind().equals("litellm"))
                .map(ModelServer::displayName).collect(Collectors.joining(", "));
        throw LauncherException.notReady(integration.displayName() + " speaks " + needed.words() + " (POST " + needed.path()
                + "), which the " + kind.displayName() + " server at " + endpoint.url() + " does not serve; put a LiteLLM "
                + "gateway in front of it (it translates), or use a server that serves it (" + servers + ")");
    }
}
