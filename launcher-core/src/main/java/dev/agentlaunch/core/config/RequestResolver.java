package dev.agentlaunch.core.config;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.server.ServerAddress;
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
        Optional<ConfigLocation> location = ConfigLocation.resolve(configFlag, env, home);
        boolean present = location.map(l -> l.explicit() || l.exists()).orElse(false);
        if (!present) {
            if (profileFlag != null) {
                throw LauncherException.usage("unknown profile '" + profileFlag + "': there is no config file"
                        + location.map(l -> " at " + l.path()).orElse("") + "; create the profile with 'launch profile save "
                        + profileFlag + " --large MODEL --small MODEL'");
            }
            return new ResolvedRequest(TierRequest.ofFlags(flags, model),
                    ServerAddress.resolve(hostFlag, env.get("OLLAMA_HOST")), Optional.empty());
        }
        return new ConfigApplier(env, new ConfigReader()).apply(location.get(), integrationId, profileFlag, flags, model, hostFlag);
    }
}
