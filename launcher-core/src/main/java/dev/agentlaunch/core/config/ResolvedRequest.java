package dev.agentlaunch.core.config;

import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerSpec;
import dev.agentlaunch.core.tiers.TierRequest;
import java.util.Optional;

/**
 * A launch's tier request and server, with the config's contribution folded in.
 *
 * @param request the tiers from every source, for {@link dev.agentlaunch.core.tiers.TierResolver}
 * @param server  the model server and where its address came from
 * @param profile the profile in use (from {@code --profile} or the integration's default), if any
 * @param spec    the server with its kind and token variable, as far as the command line and config say
 * @param servers the config's named servers (for {@code --tier-server})
 */
public record ResolvedRequest(TierRequest request, ServerAddress server, Optional<String> profile, ServerSpec spec,
                              java.util.Map<String, ServerEntry> servers) {
    public ResolvedRequest {
        servers = java.util.Map.copyOf(servers);
    }

    /** An Ollama server, nothing said of its kind or token. */
    public ResolvedRequest(TierRequest request, ServerAddress server, Optional<String> profile) {
        this(request, server, profile, ServerSpec.of(server), java.util.Map.of());
    }

    /** Without named servers. */
    public ResolvedRequest(TierRequest request, ServerAddress server, Optional<String> profile, ServerSpec spec) {
        this(request, server, profile, spec, java.util.Map.of());
    }

    /**
     * The server a {@code --tier-server TIER=SERVER} value names: an entry of the config's
     * {@code servers} (with its kind and token variable), else an address whose kind is detected.
     */
    public ServerSpec tierServer(String value, String flag) {
        ServerEntry entry = servers.get(value);
        if (entry != null) {
            ServerAddress address = ServerAddress.of(entry.url(), "server " + value);
            return new ServerSpec(address, entry.kind(), entry.kind() == null ? null : "server " + value + " in the config",
                    entry.apiKeyEnv(), entry.apiKeyEnv() == null ? null : "apiKeyEnv of server " + value + " in the config");
        }
        return ServerSpec.of(ServerAddress.of(value, flag));
    }
}
