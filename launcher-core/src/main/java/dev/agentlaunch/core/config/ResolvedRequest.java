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
 */
public record ResolvedRequest(TierRequest request, ServerAddress server, Optional<String> profile, ServerSpec spec) {
    /** An Ollama server, nothing said of its kind or token. */
    public ResolvedRequest(TierRequest request, ServerAddress server, Optional<String> profile) {
        this(request, server, profile, ServerSpec.of(server));
    }
}
