package dev.agentlaunch.core.server;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.sim.OllamaSimulator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Test helpers: a plan for a simulator, and checks against it with a fixed memory figure. */
final class Plans {
    private Plans() {
    }

    static TierPlan plan(OllamaSimulator sim, String large, String medium, String small) {
        Map<Tier, TierPlan.Assignment> tiers = new EnumMap<>(Tier.class);
        tiers.put(Tier.LARGE, new TierPlan.Assignment(large, TierSource.FLAG));
        tiers.put(Tier.MEDIUM, new TierPlan.Assignment(medium, TierSource.FLAG));
        tiers.put(Tier.SMALL, new TierPlan.Assignment(small, TierSource.FLAG));
        return new TierPlan(sim.url(), tiers, Map.of());
    }

    static OllamaClient client(OllamaSimulator sim) {
        return new OllamaClient(ServerAddress.resolve(sim.url(), null));
    }

    static ServerChecks checks(OllamaClient client, Long memoryBytes) {
        return new ServerChecks(client, () -> Optional.ofNullable(memoryBytes).map(b -> new MemoryBudget(b, "test budget")),
                System::nanoTime);
    }
}
