package dev.agentlaunch.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved launch: the model server's endpoint and one model per tier, each with where it
 * came from, plus what the server said about each model when it was checked. Immutable.
 *
 * <p>Integrations map a plan to their tool's env and args; they never talk to the server
 * themselves.
 */
public final class TierPlan {
    /** One tier's model and its source. */
    public record Assignment(String model, TierSource source) {
        /** Validates. */
        public Assignment {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(source, "source");
        }
    }

    private final ServerEndpoint server;
    private final Map<Tier, ServerEndpoint> tierServers;
    private final Map<Tier, Assignment> tiers;
    private final Map<String, ModelInfo> models;

    /**
     * @param endpoint the server's base URL without a trailing slash ({@code http://127.0.0.1:11434})
     * @param tiers    a model for every tier
     * @param models   what the server said about each model, by name (may be empty)
     */
    public TierPlan(String endpoint, Map<Tier, Assignment> tiers, Map<String, ModelInfo> models) {
        this(ServerEndpoint.ollama(Objects.requireNonNull(endpoint, "endpoint")), Map.of(), tiers, models);
    }

    /**
     * @param server      the server every tier uses unless {@code tierServers} names another
     * @param tierServers tiers sent to another server (may be empty)
     * @param tiers       a model for every tier
     * @param models      what the servers said about each model, by name (may be empty)
     * @since 1.2.0
     */
    public TierPlan(ServerEndpoint server, Map<Tier, ServerEndpoint> tierServers, Map<Tier, Assignment> tiers,
                    Map<String, ModelInfo> models) {
        this.server = Objects.requireNonNull(server, "server");
        EnumMap<Tier, ServerEndpoint> own = new EnumMap<>(Tier.class);
        tierServers.forEach((tier, s) -> {
            if (!s.equals(server)) {
                own.put(tier, s);
            }
        });
        this.tierServers = Collections.unmodifiableMap(own);
        EnumMap<Tier, Assignment> copy = new EnumMap<>(Tier.class);
        copy.putAll(tiers);
        for (Tier tier : Tier.values()) {
            if (!copy.containsKey(tier)) {
                throw new IllegalArgumentException("no model for tier " + tier.id());
            }
        }
        this.tiers = Collections.unmodifiableMap(copy);
        this.models = Map.copyOf(models);
    }

    /** The server's base URL without a trailing slash, e.g. {@code http://127.0.0.1:11434}. */
    public String endpoint() {
        return server.url();
    }

    /**
     * The server, its kind and its token's variable.
     *
     * @since 1.2.0
     */
    public ServerEndpoint server() {
        return server;
    }

    /**
     * The server one tier's requests go to: its own when the user sent it elsewhere, else {@link #server()}.
     *
     * @since 1.2.0
     */
    public ServerEndpoint server(Tier tier) {
        return tierServers.getOrDefault(tier, server);
    }

    /**
     * The tiers the user sent to a server other than {@link #server()} (empty: every tier uses one server).
     *
     * @since 1.2.0
     */
    public Map<Tier, ServerEndpoint> tierServers() {
        return tierServers;
    }

    /**
     * The variable holding the main server's token, when it needs one.
     *
     * @since 1.2.0
     */
    public Optional<String> apiKeyEnv() {
        return server.apiKeyEnv();
    }

    /** The model of one tier. */
    public String model(Tier tier) {
        return tiers.get(tier).model();
    }

    /** Where one tier's model came from. */
    public TierSource source(Tier tier) {
        return tiers.get(tier).source();
    }

    /** Every tier's assignment, largest first. */
    public Map<Tier, Assignment> assignments() {
        return tiers;
    }

    /** The distinct models of the plan, largest tier first. */
    public Set<String> distinctModels() {
        Set<String> names = new LinkedHashSet<>();
        tiers.values().forEach(a -> names.add(a.model()));
        return Collections.unmodifiableSet(names);
    }

    /** What the server said about a model, if it was checked. */
    public Optional<ModelInfo> info(String model) {
        return Optional.ofNullable(models.get(model));
    }

    /** What the server said about a tier's model, if it was checked. */
    public Optional<ModelInfo> info(Tier tier) {
        return info(model(tier));
    }

    /** This plan with what the server said about its models. */
    public TierPlan withModelInfo(Map<String, ModelInfo> info) {
        return new TierPlan(server, tierServers, tiers, info);
    }

    /**
     * This plan with other servers.
     *
     * @since 1.2.0
     */
    public TierPlan withServers(ServerEndpoint main, Map<Tier, ServerEndpoint> perTier) {
        return new TierPlan(main, perTier, tiers, models);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierPlan p && p.server.equals(server) && p.tierServers.equals(tierServers) && p.tiers.equals(tiers) && p.models.equals(models);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, tierServers, tiers, models);
    }

    @Override
    public String toString() {
        return "TierPlan[" + server.url() + (tierServers.isEmpty() ? "" : " " + tierServers) + ", " + tiers + "]";
    }
}
