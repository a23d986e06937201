package dev.agentlaunch.core.tiers;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.LauncherException;
import java.util.EnumMap;
import java.util.Map;

/**
 * DESIGN.md's tier rule. Per tier, first match wins: the tier's flag, the selected profile, the
 * launcher's own choice when the user asked for one ({@code --auto}, the picker), the config's
 * default tiers, {@code --model}; then a tier still empty takes the next larger tier's model, else
 * the next smaller one's.
 */
public final class TierResolver {

    public Map<Tier, Assignment> resolve(TierRequest request) {
        return resolve(request, Map.of());
    }

    /** Checks every model name the request holds against the name grammar (exit 2 on the first bad one). */
    public void validate(TierRequest request) {
        request.flags().forEach((tier, name) -> ModelName.require(name, tier.flag()));
        request.profile().forEach((tier, name) -> ModelName.require(name, "profile '" + request.profileName() + "' " + tier.id()));
        request.defaults().forEach((tier, name) -> ModelName.require(name, "config default " + tier.id()));
        if (request.model() != null) {
            ModelName.require(request.model(), "--model");
        }
    }

    /**
     * @param launcherChose models the launcher chose for the tiers the user did not name, with their source
     *               ({@link TierSource#AUTO}, {@link TierSource#PICKED})
     */
    public Map<Tier, Assignment> resolve(TierRequest request, Map<Tier, Assignment> launcherChose) {
        validate(request);

        launcherChose.forEach((tier, a) -> ModelName.require(a.model(), a.source().label() + " " + tier.id()));
        EnumMap<Tier, Assignment> chosen = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (request.flags().containsKey(tier)) {
                chosen.put(tier, new Assignment(request.flags().get(tier), TierSource.FLAG));
            } else if (request.profile().containsKey(tier)) {
                chosen.put(tier, new Assignment(request.profile().get(tier), TierSource.PROFILE));
            } else if (launcherChose.containsKey(tier)) {
                chosen.put(tier, launcherChose.get(tier));
            } else if (request.defaults().containsKey(tier)) {
                chosen.put(tier, new Assignment(request.defaults().get(tier), TierSource.CONFIG));
            } else if (request.model() != null) {
                chosen.put(tier, new Assignment(request.model(), TierSource.MODEL));
            }
        }
        if (chosen.isEmpty()) {
            throw LauncherException.usage("no model for any tier: pass --large, --medium or --small "
                    + "(or --model for all three), e.g. --large qwen3:32b --small qwen3:4b, or --auto to choose from the server's models");
        }

        Tier[] order = Tier.values();
        EnumMap<Tier, Assignment> result = new EnumMap<>(chosen);
        for (int i = 0; i < order.length; i++) {
            if (result.containsKey(order[i])) {
                continue;
            }
            Assignment filled = null;
            for (int j = i - 1; j >= 0 && filled == null; j--) {
                Assignment larger = chosen.get(order[j]);
                if (larger != null) {
                    filled = new Assignment(larger.model(), TierSource.FROM_LARGER);
                }
            }
            for (int j = i + 1; j < order.length && filled == null; j++) {
                Assignment smaller = chosen.get(order[j]);
                if (smaller != null) {
                    filled = new Assignment(smaller.model(), TierSource.FROM_SMALLER);
                }
            }
            result.put(order[i], filled);
        }
        return result;
    }
}
