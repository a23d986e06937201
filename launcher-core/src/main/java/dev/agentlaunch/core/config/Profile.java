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
 * @param tierServers  a server for single tiers, by tier id ({@code small}): a name in {@code servers} or an
 *                     address, as {@code --tier-server} takes; the others stay on the profile's server
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Profile(String large,
                      String medium,
                      String small,
                      String model,
                      String host,
                      Map<String, TierSet> integrations,
                      String server,
                      Map<String, String> tierServers) {
    public Profile {
        integrations = integrations == null ? Map.of() : Map.copyOf(integrations);
        tierServers = tierServers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tierServers));
    }

    /** A profile without a named server. */
    public Profile(String large, String medium, String small, String model, String host, Map<String, TierSet> integrations) {
        this(large, medium, small, model, host, integrations, null);
    }

    /** A profile without per-tier servers. */
    public Profile(String large, String medium, String small, String model, String host, Map<String, TierSet> integrations,
                   String server) {
        this(large, medium, small, model, host, integrations, server, null);
    }

    /** {@link #tierServers()} by tier. */
    public Map<Tier, String> serversByTier() {
        Map<Tier, String> m = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String v = tierServers.get(tier.id());
            if (v != null) {
                m.put(tier, v);
            }
        }
        return m;
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
