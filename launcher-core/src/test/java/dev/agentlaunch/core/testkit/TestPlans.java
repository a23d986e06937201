package dev.agentlaunch.core.testkit;

import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.ServerEndpoint;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Tier plans for a plugin's unit tests (part of the plugin authors' test kit). */
public final class TestPlans {
    private TestPlans() {
    }

    /** A plan whose three models the user named with the tier flags. */
    public static TierPlan of(String endpoint, String large, String medium, String small) {
        return of(endpoint, large, TierSource.FLAG, medium, TierSource.FLAG, small, TierSource.FLAG);
    }

    /** A plan with each tier's model and where it came from. */
    public static TierPlan of(String endpoint, String large, TierSource largeFrom, String medium, TierSource mediumFrom,
                              String small, TierSource smallFrom) {
        Map<Tier, Assignment> tiers = new EnumMap<>(Tier.class);
        tiers.put(Tier.LARGE, new Assignment(large, largeFrom));
        tiers.put(Tier.MEDIUM, new Assignment(medium, mediumFrom));
        tiers.put(Tier.SMALL, new Assignment(small, smallFrom));
        return new TierPlan(endpoint, tiers, Map.<String, ModelInfo>of());
    }

    /** The same plan behind a LiteLLM gateway at the same URL whose token is in the variable {@code apiKeyEnv}. */
    public static TierPlan withToken(TierPlan plan, String apiKeyEnv) {
        return plan.withServers(new ServerEndpoint(plan.endpoint(), "litellm", Optional.of(apiKeyEnv)), Map.of());
    }
}
