package dev.agentlaunch.core.auto;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.MemoryBudget;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerTarget;
import dev.agentlaunch.core.tiers.TierRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code --auto} for one launch: the tiers the user named stay, the others are chosen from what the
 * catalog lists by {@link AutoSelector}.
 */
public final class AutoTiers {
    private final ModelCatalog catalog;
    private final String addHint;

    /**
     * @param catalog the server's models
     * @param addHint what would put a suitable model on the server ({@link dev.agentlaunch.api.ModelServer#addModelHint})
     */
    public AutoTiers(ModelCatalog catalog, String addHint) {
        this.catalog = catalog;
        this.addHint = addHint;
    }

    /** {@code --auto} against a server whose kind is known: its catalog, its hint. */
    public static AutoTiers of(ServerTarget server) {
        return new AutoTiers(server.catalog(), server.kind().addModelHint());
    }

    /** The tiers the user named, which {@code --auto} keeps: the tier flags, then the selected profile's tiers. */
    public static Map<Tier, String> named(TierRequest request) {
        Map<Tier, String> named = new EnumMap<>(Tier.class);
        named.putAll(request.profile());
        named.putAll(request.flags());
        return named;
    }

    /**
     * The memory {@code --auto} plans with: {@code --memory}, else this machine's when the server is
     * local, else unknown (a remote server's memory cannot be seen from here).
     */
    public static Optional<MemoryBudget> budget(ServerAddress server, OptionalLong memoryFlag, Supplier<Optional<MemoryBudget>> probe) {
        if (memoryFlag.isPresent()) {
            return Optional.of(new MemoryBudget(memoryFlag.getAsLong(), "--memory"));
        }
        return server.isLocal() ? probe.get() : Optional.empty();
    }

    /**
     * @param named  the tiers the user named (kept)
     * @param needs  what the tool needs of its models
     * @param budget the server's memory for models, when known
     * @param cloud  whether cloud models may be chosen
     * @param server the server, for messages
     * @throws dev.agentlaunch.core.LauncherException exit 3 when the server cannot be asked or a tier has no candidate
     */
    public AutoChoice choose(Map<Tier, String> named, CheckRequirements needs, Optional<MemoryBudget> budget, boolean cloud,
                             ServerAddress server) {
        AutoRequest request = new AutoRequest(named, needs.toolName(), needs.toolTiers(), needs.minimumContext(), budget, cloud,
                "the model server at " + server.url(), addHint);
        return new AutoSelector().select(catalog.list(), request);
    }

    /**
     * {@code --auto} and the picker choose from one server's models; a tier sent to another server
     * ({@code --tier-server}, a profile's {@code tierServers}) would get a model that server may not
     * have, so it must be named.
     *
     * @param named     the tiers the user named
     * @param elsewhere the tiers sent to another server, with where they go and who said so
     * @param chooser   {@code --auto} or {@code the model picker}
     * @throws dev.agentlaunch.core.LauncherException exit 2 naming the first such tier and its flag
     */
    public static void requireNamedWhereSplit(Map<Tier, String> named, Map<Tier, String> elsewhere, String chooser) {
        for (Map.Entry<Tier, String> e : elsewhere.entrySet()) {
            if (!named.containsKey(e.getKey())) {
                throw dev.agentlaunch.core.LauncherException.usage(chooser + " chooses from the main server's models, but the "
                        + e.getKey().id() + " tier goes to " + e.getValue() + "; name its model (" + e.getKey().flag()
                        + " MODEL) or leave that split out of this command");
            }
        }
    }

    /** The chosen models as plan assignments with {@code source}. */
    public static Map<Tier, Assignment> assignments(Map<Tier, String> models, TierSource source) {
        Map<Tier, Assignment> m = new EnumMap<>(Tier.class);
        models.forEach((tier, model) -> m.put(tier, new Assignment(model, source)));
        return m;
    }
}
