package dev.agentlaunch.core.server;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.ServerEndpoint;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.output.Terminal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server part of a launch: the main server and any server a tier is sent to
 * ({@code --tier-server}), each with its kind found, its token resolved, the integration's wire API
 * checked and its tiers' models checked ({@link LaunchChecks}). A dry run that would stop says so
 * and goes on; {@code --offline} asks nothing.
 */
public final class ServerPlanner {
    /**
     * @param plan        the tiers with their servers and what the servers said about each model
     * @param report      the main server's checks, or null when not run
     * @param tierReports the checks of the servers single tiers were sent to
     * @param kindSource  how the main server's kind was found
     * @param notRun      why there are no checks, when {@code report} is null
     */
    public record Outcome(TierPlan plan, ServerReport report, List<ServerReport> tierReports, String kindSource, String notRun) {
    }

    private final ServerResolver resolver;
    private final Terminal terminal;
    private final Reporter reporter;

    public ServerPlanner(ServerResolver resolver, Terminal terminal, Reporter reporter) {
        this.resolver = resolver;
        this.terminal = terminal;
        this.reporter = reporter;
    }

    /**
     * @param kept the models of the user's own tier variables the launch keeps (checked on the main server)
     * @throws LauncherException exit 2 for tiers split across servers for a tool that cannot; exit 3 for a server
     *                           problem (not in a dry run)
     */
    public Outcome plan(Integration integration, WireApi api, TierPlan tiers, ServerSpec main, Optional<ApiKey> key,
                        Map<Tier, ServerSpec> perTier, List<KeptModel> kept, boolean offline, CheckRequirements req,
                        LaunchChecks.Settings settings) {
        return plan(integration, api, tiers, main, key, perTier, "--tier-server", kept, offline, req, settings, null);
    }

    /**
     * As above, with the main server already connected (its kind found while choosing the tiers with {@code --auto}
     * or the picker): the checks reuse it instead of detecting the kind again.
     *
     * @param connected the main server, or null to connect here
     */
    public Outcome plan(Integration integration, WireApi api, TierPlan tiers, ServerSpec main, Optional<ApiKey> key,
                        Map<Tier, ServerSpec> perTier, List<KeptModel> kept, boolean offline, CheckRequirements req,
                        LaunchChecks.Settings settings, ServerTarget connected) {
        return plan(integration, api, tiers, main, key, perTier, "--tier-server", kept, offline, req, settings, connected);
    }

    /**
     * As above.
     *
     * @param perTierOrigin what sent tiers to other servers, in words ({@code --tier-server}, {@code the tierServers of
     *                      profile coding}), for the refusal of a tool that cannot split them
     * @param connected     the main server, or null to connect here
     */
    public Outcome plan(Integration integration, WireApi api, TierPlan tiers, ServerSpec main, Optional<ApiKey> key,
                        Map<Tier, ServerSpec> perTier, String perTierOrigin, List<KeptModel> kept, boolean offline,
                        CheckRequirements req, LaunchChecks.Settings settings, ServerTarget connected) {
        Map<Tier, ServerSpec> others = new EnumMap<>(Tier.class);
        perTier.forEach((tier, spec) -> {
            if (!spec.address().url().equals(main.address().url())) {
                others.put(tier, spec);
            }
        });
        if (!others.isEmpty() && !integration.supportsServerPerTier()) {
            throw cannotSplit(integration, perTierOrigin);
        }
        Map<String, ServerSpec> distinct = new LinkedHashMap<>();
        Map<String, Set<Tier>> tiersOf = new LinkedHashMap<>();
        others.forEach((tier, spec) -> {
            distinct.putIfAbsent(spec.address().url(), spec);
            tiersOf.computeIfAbsent(spec.address().url(), u -> EnumSet.noneOf(Tier.class)).add(tier);
        });
        Map<String, Optional<ApiKey>> keys = new LinkedHashMap<>();
        distinct.forEach((url, spec) -> keys.put(url, resolver.key(spec)));
        Set<Tier> mainTiers = EnumSet.allOf(Tier.class);
        mainTiers.removeAll(others.keySet());

        ServerEndpoint mainEndpoint = resolver.offline(main, key);
        Map<Tier, ServerEndpoint> tierEndpoints = new EnumMap<>(Tier.class);
        others.forEach((tier, spec) -> tierEndpoints.put(tier, resolver.offline(spec, keys.get(spec.address().url()))));
        String kindSource = ServerResolver.offlineSource(main);
        if (offline) {
            guard(settings, () -> {
                resolver.requireWireApi(integration, api, mainEndpoint);
                tierEndpoints.values().forEach(e -> resolver.requireWireApi(integration, api, e));
            });
            return new Outcome(tiers.withServers(mainEndpoint, tierEndpoints), null, List.of(), kindSource, "--offline");
        }
        try {
            ServerTarget target = connected != null ? connected : resolver.connect(main, key);
            ServerEndpoint endpoint = target.endpoint();
            resolver.requireWireApi(integration, api, endpoint);
            Map<Tier, ServerEndpoint> checked = new EnumMap<>(Tier.class);
            List<ServerTarget> tierTargets = new ArrayList<>();
            for (Map.Entry<String, ServerSpec> e : distinct.entrySet()) {
                ServerTarget t = resolver.connect(e.getValue(), keys.get(e.getKey()));
                resolver.requireWireApi(integration, api, t.endpoint());
                tiersOf.get(e.getKey()).forEach(tier -> checked.put(tier, t.endpoint()));
                tierTargets.add(t);
            }
            TierPlan withServers = tiers.withServers(endpoint, checked);
            ServerReport report = LaunchChecks.create(target, terminal, reporter).run(withServers, mainTiers, kept, req, settings);
            Map<String, ModelInfo> info = new LinkedHashMap<>(report.modelInfo());
            List<ServerReport> tierReports = new ArrayList<>();
            for (ServerTarget t : tierTargets) {
                ServerReport r = LaunchChecks.create(t, terminal, reporter).run(withServers,
                        tiersOf.get(t.address().url()), req, settings);
                tierReports.add(r);
                info.putAll(r.modelInfo());
            }
            return new Outcome(withServers.withModelInfo(info), report, tierReports, target.kindSource(), null);
        } catch (LauncherException e) {
            if (!settings.dryRun() || e.exitCode() != ExitCode.NOT_READY) {
                throw e;
            }
            // A dry run needs no server: show the plan, and say what would stop the launch.
            reporter.warn("the launch would stop here: " + e.getMessage());
            // Not --offline: the checks stopped before the kind was known, so the plan must not say --offline.
            String assumed = connected != null ? connected.kindSource()
                    : main.kind() == null ? "default (not detected: the checks stopped, see the warning above)" : kindSource;
            return new Outcome(tiers.withServers(connected != null ? connected.endpoint() : mainEndpoint, tierEndpoints), null,
                    List.of(), assumed,
                    "the launch would stop: see the warning above");
        }
    }

    /** Exit 2 for a tool that sends every tier to one endpoint when {@code origin} splits them. */
    public static LauncherException cannotSplit(Integration integration, String origin) {
        return LauncherException.usage(integration.displayName() + " sends every tier to one endpoint, so " + origin
                + " cannot split them; put a LiteLLM gateway in front of the servers (it routes each model name to its "
                + "server) and point --server or --host at it");
    }

    private void guard(LaunchChecks.Settings settings, Runnable check) {
        try {
            check.run();
        } catch (LauncherException e) {
            if (!settings.dryRun()) {
                throw e;
            }
            reporter.warn("the launch would stop here: " + e.getMessage());
        }
    }
}
