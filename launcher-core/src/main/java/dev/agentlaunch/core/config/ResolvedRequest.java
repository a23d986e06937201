package dev.agentlaunch.core.config;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerSpec;
import dev.agentlaunch.core.tiers.TierRequest;
import java.util.EnumMap;
import java.util.Optional;

/**
 * A launch's tier request and server, with the config's contribution folded in.
 *
 * @param request the tiers from every source, for {@link dev.agentlaunch.core.tiers.TierResolver}
 * @param server  the model server and where its address came from
 * @param profile the profile in use (from {@code --profile} or the integration's default), if any
 * @param spec    the server with its kind and token variable, as far as the command line and config say
 * @param servers the config's named servers (for {@code --tier-server})
 * @param profileTierServers the selected profile's {@code tierServers}, by tier
 */
public record ResolvedRequest(TierRequest request, ServerAddress server, Optional<String> profile, ServerSpec spec,
                              java.util.Map<String, ServerEntry> servers, java.util.Map<Tier, String> profileTierServers) {
    public ResolvedRequest {
        servers = java.util.Map.copyOf(servers);
        profileTierServers = profileTierServers.isEmpty() ? java.util.Map.of() : new EnumMap<>(profileTierServers);
    }

    /** Without a profile's per-tier servers. */
    public ResolvedRequest(TierRequest request, ServerAddress server, Optional<String> profile, ServerSpec spec,
                           java.util.Map<String, ServerEntry> servers) {
        this(request, server, profile, spec, servers, java.util.Map.of());
    }

    /**
     * The servers single tiers go to, and what sent them there in words (for a tool that cannot
     * split tiers).
     */
    public record TierServers(java.util.Map<Tier, ServerSpec> specs, String origin) {
        /** The tiers whose server is not {@code main} (a tier sent to the main server's own URL stays on it). */
        public java.util.Map<Tier, ServerSpec> awayFrom(ServerSpec main) {
            java.util.Map<Tier, ServerSpec> away = new EnumMap<>(Tier.class);
            specs.forEach((tier, spec) -> {
                if (!spec.address().url().equals(main.address().url())) {
                    away.put(tier, spec);
                }
            });
            return away;
        }
    }

    /**
     * The profile's {@code tierServers}, each tier replaced by its {@code --tier-server} when one is given.
     *
     * @param flags {@code --tier-server} values by tier
     */
    public TierServers tierServers(java.util.Map<Tier, String> flags) {
        java.util.Map<Tier, ServerSpec> specs = new EnumMap<>(Tier.class);
        java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        profileTierServers.forEach((tier, value) -> {
            if (!flags.containsKey(tier)) {
                String key = "tierServers." + tier.id() + " of profile " + profile.orElse("?");
                specs.put(tier, tierServer(value, key));
                origins.add("the tierServers of profile " + profile.orElse("?"));
            }
        });
        flags.forEach((tier, value) -> {
            specs.put(tier, tierServer(value, "--tier-server"));
            origins.add("--tier-server");
        });
        return new TierServers(specs, String.join(" and ", origins));
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
