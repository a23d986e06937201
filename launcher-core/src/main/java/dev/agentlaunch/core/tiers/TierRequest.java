package dev.agentlaunch.core.tiers;

import dev.agentlaunch.api.Tier;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the user (and their config) said about tiers for one launch, before resolution.
 *
 * @param flags       tier flags from the command line
 * @param profileName the selected profile, or null
 * @param profile     the selected profile's tiers
 * @param defaults    the config file's default tiers
 * @param model       {@code --model}, or null
 */
public record TierRequest(Map<Tier, String> flags, String profileName, Map<Tier, String> profile,
                          Map<Tier, String> defaults, String model) {
    public TierRequest {
        flags = copy(flags);
        profile = copy(profile);
        defaults = copy(defaults);
    }

    /** Only command-line flags and {@code --model}. */
    public static TierRequest ofFlags(Map<Tier, String> flags, String model) {
        return new TierRequest(flags, null, Map.of(), Map.of(), model);
    }

    private static Map<Tier, String> copy(Map<Tier, String> m) {
        EnumMap<Tier, String> c = new EnumMap<>(Tier.class);
        if (m != null) {
            m.forEach((k, v) -> {
                if (v != null) {
                    c.put(k, v);
                }
            });
        }
        return c;
    }
}
