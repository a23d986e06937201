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
    private final ConfigReader reader;

    public RequestResolver(Map<String, String> env, Optional<Path> home, ConfigReader reader) {
        this.env = env;
        this.home = home;
        this.reader = reader;
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
        ConfigLocation where = location.get();
        Config config = reader.read(where);
        String profileName = profileFlag != null ? profileFlag : config.defaultProfile(integrationId).orElse(null);
        Profile profile = null;
        if (profileName != null) {
            profile = config.profile(profileName).orElseThrow(() -> unknown(profileName, profileFlag == null,
                    integrationId, config, where));
        }
        Map<Tier, String> defaults = config.defaults() == null ? Map.of() : config.defaults().tiers();
        TierRequest request = new TierRequest(flags, profileName,
                profile == null ? Map.of() : profile.tiersFor(integrationId), defaults, model);
        return new ResolvedRequest(request, server(hostFlag, profileName, profile, config), Optional.ofNullable(profileName));
    }

    private ServerAddress server(String hostFlag, String profileName, Profile profile, Config config) {
        String ollamaHost = env.get("OLLAMA_HOST");
        if (hostFlag != null) {
            return ServerAddress.resolve(hostFlag, null);
        }
        if (profile != null && profile.host() != null) {
            return ServerAddress.of(profile.host(), "profile " + profileName);
        }
        if (ollamaHost != null && !ollamaHost.isBlank()) {
            return ServerAddress.resolve(null, ollamaHost);
        }
        if (config.host() != null) {
            return ServerAddress.of(config.host(), "config");
        }
        return ServerAddress.resolve(null, null);
    }

    private static LauncherException unknown(String name, boolean fromDefault, String integrationId, Config config,
                                             ConfigLocation where) {
        String known = config.profiles().isEmpty() ? "there are none yet" : "known: " + String.join(", ", config.profiles().keySet());
        String origin = fromDefault ? " (the default profile for " + integrationId + ")" : "";
        return LauncherException.usage("unknown profile '" + name + "'" + origin + " in " + where.path() + " (" + known
                + "); pick one with --profile or create it with 'launch profile save " + name + " --large MODEL'");
    }
}
