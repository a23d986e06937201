package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.ServerEndpoint;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.core.auto.ModelCatalog;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One model server with its kind known: what the checks ask, and what the plan carries.
 *
 * @param address    where it is
 * @param kind       its kind
 * @param kindSource how the kind was found ({@code --server-kind}, {@code detected from ...}, {@code default})
 * @param key        its token, when one is named
 * @param connection the HTTP client its kind asks through
 * @param ollama     for Ollama: the client of the original checks and of pulling, else null
 */
public record ServerTarget(ServerAddress address, ModelServer kind, String kindSource, Optional<ApiKey> key,
                           HttpServerConnection connection, OllamaClient ollama) {

    /** Ollama through its own client, as the checks always asked it. */
    public static ServerTarget ollama(OllamaClient client, String kindSource) {
        return new ServerTarget(client.address(), new OllamaServer(), kindSource, Optional.empty(), null, client);
    }

    /** A target of any kind; Ollama gets its own client (with the token, when one is named). */
    public static ServerTarget of(HttpServerConnection connection, ModelServer kind, String kindSource) {
        HttpServerConnection named = connection.as(kind.displayName(), kind.startHint());
        OllamaClient ollama = kind instanceof OllamaServer ? new OllamaClient(connection.address(), connection.key()) : null;
        return new ServerTarget(connection.address(), kind, kindSource, connection.key(), named, ollama);
    }

    /** Asks the server about the models (all requests at once). */
    public CompletableFuture<ServerFacts> inspect(Set<String> models) {
        return ollama != null ? OllamaServer.inspect(ollama, models) : kind.inspect(connection, models);
    }

    /** Its models for {@code --auto} and the picker: Ollama's own catalog (parameters, loaded, cloud), else the kind's facts. */
    public ModelCatalog catalog() {
        return ollama != null ? new OllamaModelCatalog(ollama) : new ServerModelCatalog(this);
    }

    /** What the plan carries: URL, kind, and the token's variable name (never the token). */
    public ServerEndpoint endpoint() {
        return new ServerEndpoint(address.url(), kind.kind(), key.map(ApiKey::variable));
    }
}
