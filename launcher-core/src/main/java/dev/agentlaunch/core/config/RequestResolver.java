package dev.agentlaunch.core.config;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerSpec;
import dev.agentlaunch.core.tiers.TierRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Folds the config file into a launch request. Tiers, first match wins: the tier's flag, the
 * selected profile ({@code --profile}, else the integration's default profile), the config's
 * default tiers, {@code --model}, then the fallback rule. Server: {@code --host}, the profile's
 * host, {@code OLLAMA_HOST}, the config's host, the default. Without a config file and without
 * {@code --profile} nothing here touches Jackson: a plain launch stays one {@code stat} away
 * from the flags-only path.
 */
public final class RequestResolver {
    private final Map<String, String> env;
    private final Optional<Path> home;

    public RequestResolver(Map<String, String> env, Optional<Path> home) {
        this.env = env;
        this.home = home;
    }

    /**
     * @param integrationId the integration being launched (for its default profile and overrides)
     * @param configFlag    {@code --config}, or null
     * @param profileFlag   {@code --profile}, or null
     * @param flags         the tier flags given
     * @param model         {@code --model}, or null
     * @param hostFlag      {@code --host}, or null
     */
    public ResolvedRequest resolve(String integrationId, Path configFlag, String profileFlag, Map<Tier, String> flags,
                                   String model, String hostFlag) {
        return resolveWith(integrationId, configFlag, profileFlag, flags, model, ServerFlags.host(hostFlag));
    }

    /** As above, with every server option ({@code --server}, {@code --server-kind}, {@code --api-key-env}). */
    public ResolvedRequest resolveWith(String integrationId, Path configFlag, String profileFlag, Map<Tier, String> flags,
                                       String model, ServerFlags serverFlags) {
        String hostFlag = serverFlags.host();
        if (hostFlag != null && serverFlags.server() != null) {
            throw LauncherException.usage("--host and --server both name a server; use one of them");
        }
        Optional<ConfigLocation> location = ConfigLocation.resolve(configFlag, env, home);
        boolean present = location.map(l -> l.explicit() || l.exists()).orElse(false);
        if (!present) {
            if (profileFlag != null) {
                throw LauncherException.usage("unknown profile '" + profileFlag + "': there is no config file"
                        + location.map(l -> " at " + l.path()).orElse("") + "; create the profile with 'launch profile save "
                        + profileFlag + " --large MODEL --small MODEL'");
            }
            if (serverFlags.server() != null) {
                throw LauncherException.usage("unknown server '" + serverFlags.server() + "': there is no config file"
                        + location.map(l -> " at " + l.path()).orElse("") + "; add it under \"servers\" there (url, kind, apiKeyEnv)"
                        + " or pass --host URL");
            }
            ServerAddress address = ServerAddress.resolve(hostFlag, env.get("OLLAMA_HOST"));
            return new ResolvedRequest(TierRequest.ofFlags(flags, model), address, Optional.empty(),
                    spec(address, serverFlags, null, null, null));
        }
        return new ConfigApplier(env, new ConfigReader()).apply(location.get(), integrationId, profileFlag, flags, model, serverFlags);
    }

    /** The flags' kind and token variable win over those of the named server entry. */
    static ServerSpec spec(ServerAddress address, ServerFlags flags, String entryName, String entryKind, String entryKeyEnv) {
        String kind = flags.kind() != null ? flags.kind() : entryKind;
        String kindSource = flags.kind() != null ? "--server-kind" : entryKind != null ? "server " + entryName + " in the config" : null;
        String keyEnv = flags.apiKeyEnv() != null ? flags.apiKeyEnv() : entryKeyEnv;
        String keySource = flags.apiKeyEnv() != null ? "--api-key-env" : entryKeyEnv != null ? "apiKeyEnv of server " + entryName
                + " in the config" : null;
        return new ServerSpec(address, kind, kindSource, keyEnv, keySource);
    }
}
