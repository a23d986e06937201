package dev.agentlaunch.core.config;

import dev.agentlaunch.api.Tier;
import java.util.EnumMap;
import java.util.Map;

/**
 * Models named per tier, plus {@code model} for the tiers this set leaves empty. Used for the
 * config's default tiers and a profile's per-integration overrides.
 */
public record TierSet(String large,
                      String medium,
                      String small,
                      String model) {

    /** The tier models this set names, {@code model} filling the tiers it leaves empty. */
    public Map<Tier, String> tiers() {
        Map<Tier, String> m = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String named = named(tier);
            if (named != null) {
                m.put(tier, named);
            } else if (model != null) {
                m.put(tier, model);
            }
        }
        return m;
    }

    /** The model named for exactly this tier, or null. */
    public String named(Tier tier) {
        return switch (tier) {
            case LARGE -> large;
            case MEDIUM -> medium;
            case SMALL -> small;
        };
    }
}
