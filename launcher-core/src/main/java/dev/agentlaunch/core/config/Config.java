package dev.agentlaunch.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's config file ({@code config.json}), as bound by {@link ConfigReader}. Every
 * part is optional; a missing file is an empty config.
 *
 * @param schema       the JSON Schema the file names for editors; not interpreted
 * @param host         the default model server (below {@code --host}, a profile's host and {@code OLLAMA_HOST})
 * @param defaults     default tiers, below the selected profile and above {@code --model}
 * @param profiles     named profiles, in file order
 * @param integrations per-integration settings by integration id
 * @param servers      named model servers ({@code --server NAME}, a profile's {@code server}), in file order
 */
public record Config(String schema, String host, TierSet defaults,
                     Map<String, Profile> profiles, Map<String, IntegrationDefaults> integrations,
                     Map<String, ServerEntry> servers) {
    public Config {
        profiles = profiles == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        integrations = integrations == null ? Map.of() : Map.copyOf(integrations);
        servers = servers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(servers));
    }

    public Config(String schema, String host, TierSet defaults, Map<String, Profile> profiles,
                  Map<String, IntegrationDefaults> integrations) {
        this(schema, host, defaults, profiles, integrations, null);
    }

    public static Config empty() {
        return new Config(null, null, null, null, null, null);
    }

    public Optional<Profile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** The profile an integration uses when no {@code --profile} is given. */
    public Optional<String> defaultProfile(String integrationId) {
        return Optional.ofNullable(integrations.get(integrationId)).map(IntegrationDefaults::profile);
    }
}
