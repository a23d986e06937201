package dev.agentlaunch.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentlaunch.api.Tier;
import java.util.EnumMap;
import java.util.Map;

/**
 * A named set of tiers the user selects with {@code --profile}: a model per tier, {@code model}
 * for the tiers it leaves empty, an optional server and optional per-integration overrides.
 *
 * @param integrations overrides by integration id; an override's tier (or its {@code model})
 *                     beats the profile's own for that integration
 * @param server       the name of a server in the config's {@code servers}, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Profile(String large,
                      String medium,
                      String small,
                      String model,
                      String host,
                      Map<String, TierSet> integrations,
                      String server) {
    public Profile {
        integrations = integrations == null ? Map.of() : Map.copyOf(integrations);
    }

    /** A profile without a named server. */
    public Profile(String large, String medium, String small, String model, String host, Map<String, TierSet> integrations) {
        this(large, medium, small, model, host, integrations, null);
    }

    /** The profile's tiers for one integration: its override first, then the profile's own. */
    public Map<Tier, String> tiersFor(String integrationId) {
        TierSet override = integrations.get(integrationId);
        TierSet own = new TierSet(large, medium, small, model);
        Map<Tier, String> m = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String v = override == null ? null : override.tiers().get(tier);
            if (v == null) {
                v = own.tiers().get(tier);
            }
            if (v != null) {
                m.put(tier, v);
            }
        }
        return m;
    }
}
