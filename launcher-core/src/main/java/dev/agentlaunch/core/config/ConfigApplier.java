package dev.agentlaunch.core.config;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.tiers.TierRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The config file's part of {@link RequestResolver}: a class of its own so that a launch without
 * a config file never loads it, nor Jackson.
 */
final class ConfigApplier {
    private final Map<String, String> env;
    private final ConfigReader reader;

    ConfigApplier(Map<String, String> env, ConfigReader reader) {
        this.env = env;
        this.reader = reader;
    }

    ResolvedRequest apply(ConfigLocation where, String integrationId, String profileFlag, Map<Tier, String> flags,
                          String model, ServerFlags serverFlags) {
        String hostFlag = serverFlags.host();
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
        String entryName = serverFlags.server() != null ? serverFlags.server()
                : hostFlag == null && profile != null && profile.host() == null ? profile.server() : null;
        if (entryName != null) {
            ServerEntry entry = config.servers().get(entryName);
            if (entry == null) {
                throw LauncherException.usage("unknown server '" + entryName + "' in " + where.path() + " ("
                        + (config.servers().isEmpty() ? "there are none yet" : "known: " + String.join(", ", config.servers().keySet()))
                        + "); add it under \"servers\" (url, kind, apiKeyEnv) or fix the name");
            }
            ServerAddress address = ServerAddress.of(entry.url(), "server " + entryName);
            return new ResolvedRequest(request, address, Optional.ofNullable(profileName),
                    RequestResolver.spec(address, serverFlags, entryName, entry.kind(), entry.apiKeyEnv()), config.servers(),
                    tierServers(profile));
        }
        ServerAddress address = server(hostFlag, profileName, profile, config);
        return new ResolvedRequest(request, address, Optional.ofNullable(profileName),
                RequestResolver.spec(address, serverFlags, null, null, null), config.servers(), tierServers(profile));
    }

    private static Map<Tier, String> tierServers(Profile profile) {
        return profile == null ? Map.of() : profile.serversByTier();
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
