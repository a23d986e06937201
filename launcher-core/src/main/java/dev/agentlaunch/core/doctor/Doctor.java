package dev.agentlaunch.core.doctor;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.process.DefaultLaunchContext;
import dev.agentlaunch.core.process.EnvEntry;
import dev.agentlaunch.core.process.ExecutableFinder;
import dev.agentlaunch.core.process.LaunchPlan;
import dev.agentlaunch.core.process.LaunchPlanner;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerChecks;
import dev.agentlaunch.core.server.ServerReport;
import dev.agentlaunch.core.tiers.TierRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code launch doctor}: everything a launch would check, reported instead of acted on. Asks the
 * server (never pulls), finds the tool and asks its version (beside the server checks), and
 * maps the tiers the way a launch would to list the user's variables that would override it.
 */
public final class Doctor {
    /**
     * A server some tiers go to instead of the main one (a profile's {@code tierServers}, {@code --tier-server}).
     *
     * @param tiers  the tiers it serves
     * @param checks its checks, found on first use (finding its kind asks it and may fail)
     */
    public record TierServer(Set<Tier> tiers, java.util.function.Supplier<ServerChecks> checks) {
    }

    private final java.util.function.Supplier<ServerChecks> checks;
    private final java.util.function.Consumer<LoadedIntegration> wireApiCheck;
    private final Map<String, String> env;
    private final Optional<Path> home;
    private final Function<Path, Optional<String>> toolVersion;
    private List<TierServer> tierServers = List.of();
    private String splitRefusal;

    /**
     * @param toolVersion the first line a tool prints for {@code --version}, or empty
     */
    public Doctor(ServerChecks checks, Map<String, String> env, Optional<Path> home, Function<Path, Optional<String>> toolVersion) {
        this(() -> checks, i -> { }, env, home, toolVersion);
    }

    /**
     * @param checks       the checks for the server, found on first use (finding its kind asks the server and may fail)
     * @param wireApiCheck throws when the server does not serve the integration's wire API
     */
    public Doctor(java.util.function.Supplier<ServerChecks> checks, java.util.function.Consumer<LoadedIntegration> wireApiCheck,
                  Map<String, String> env, Optional<Path> home, Function<Path, Optional<String>> toolVersion) {
        this.checks = checks;
        this.wireApiCheck = wireApiCheck;
        this.env = env;
        this.home = home;
        this.toolVersion = toolVersion;
    }

    /**
     * Checks these tiers on their own servers, not on the main one.
     *
     * @param refusal why the integration cannot split its tiers across servers, or null when it can
     */
    public Doctor withTierServers(List<TierServer> servers, String refusal) {
        this.tierServers = List.copyOf(servers);
        this.splitRefusal = refusal;
        return this;
    }

    /**
     * @param integration the integration to check, or null for the server alone
     * @param request     the tier flags; no model at all checks no model
     * @param offline     true to ask the server nothing ({@code --offline}): the tool and your variables only
     */
    public DoctorResult examine(ServerAddress address, LoadedIntegration integration, TierRequest request, OptionalLong memory,
                                List<String> toolArgs, boolean offline) {
        Optional<TierPlan> tiers = hasModels(request)
                ? Optional.of(new LaunchPlanner(env, home, silent()).resolve(request, address)) : Optional.empty();
        CompletableFuture<Optional<DoctorResult.ToolStatus>> tool = integration == null
                ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.supplyAsync(() -> Optional.of(tool(integration)));
        CheckRequirements req = integration == null ? CheckRequirements.generic(memory)
                : CheckRequirements.of(integration.integration(), memory);
        Optional<ServerReport> report = Optional.empty();
        String serverError = null;
        Map<String, List<Tier>> byModel = tiers.map(ServerChecks::tiersByModel).orElse(Map.of());
        Set<Tier> moved = EnumSet.noneOf(Tier.class);
        tierServers.forEach(t -> moved.addAll(t.tiers()));
        try {
            if (!offline) {
                ServerChecks server = checks.get();
                if (integration != null) {
                    wireApiCheck.accept(integration);
                }
                report = Optional.of(server.check(only(byModel, t -> !moved.contains(t)), req));
            }
        } catch (LauncherException e) {
            serverError = e.getMessage();
        }
        List<ServerReport> tierReports = new ArrayList<>();
        List<String> tierErrors = new ArrayList<>();
        if (splitRefusal != null && !tierServers.isEmpty()) {
            tierErrors.add(splitRefusal);
        }
        for (TierServer elsewhere : offline ? List.<TierServer>of() : tierServers) {
            try {
                tierReports.add(elsewhere.checks().get().check(only(byModel, elsewhere.tiers()::contains), req));
            } catch (LauncherException e) {
                tierErrors.add(e.getMessage());
            }
        }
        List<String> ambient = new ArrayList<>();
        if (integration != null && tiers.isPresent()) {
            TierPlan checked = report.map(r -> tiers.get().withModelInfo(r.modelInfo())).orElse(tiers.get());
            ambient.addAll(ambient(integration, checked, address, toolArgs));
        }
        return new DoctorResult(address, report, serverError, tiers, tool.join(), ambient, offline, tierReports, tierErrors);
    }

    /** The models of the tiers that pass {@code keep}, each with only those tiers. */
    private static Map<String, List<Tier>> only(Map<String, List<Tier>> byModel, java.util.function.Predicate<Tier> keep) {
        Map<String, List<Tier>> kept = new java.util.LinkedHashMap<>();
        byModel.forEach((model, tiers) -> {
            List<Tier> these = tiers.stream().filter(keep).toList();
            if (!these.isEmpty()) {
                kept.put(model, these);
            }
        });
        return kept;
    }

    private static boolean hasModels(TierRequest request) {
        return !request.flags().isEmpty() || !request.profile().isEmpty() || !request.defaults().isEmpty() || request.model() != null;
    }

    private DoctorResult.ToolStatus tool(LoadedIntegration loaded) {
        Integration integration = loaded.integration();
        Optional<Path> exe = new ExecutableFinder(env, home).find(integration.executableNames(), integration.installDirs(),
                integration.displayName()).executable();
        // Asked only of an installed tool, as list-integrations does: a launch would refuse with the same line.
        String problem = exe.isEmpty() ? null : runtimeProblem(integration);
        return new DoctorResult.ToolStatus(loaded.id(), integration.displayName(), exe.map(Path::toString).orElse(null),
                exe.flatMap(toolVersion).orElse(null), integration.installHint(), integration.provenToolVersions(), problem);
    }

    private String runtimeProblem(Integration integration) {
        try {
            return integration.runtimeProblem(DefaultLaunchContext.outsideLaunch(env, home)).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;    // a plugin's failure here must not break the report
        }
    }

    /** What the launch's notes would say about the user's own variables (kept over the launch's, conflicting). */
    private List<String> ambient(LoadedIntegration loaded, TierPlan tiers, ServerAddress address, List<String> toolArgs) {
        StringWriter notes = new StringWriter();
        LaunchPlan plan = new LaunchPlanner(env, home, new Reporter(new PrintWriter(notes), false, false))
                .map(loaded, tiers, address, toolArgs);
        List<String> lines = new ArrayList<>();
        for (String line : notes.toString().split("\\R")) {
            // A "tip: " is the integration's advice about the tool, nothing of the user's to fix.
            if (line.startsWith("launch: ") && !line.startsWith("launch: replacing ") && !line.startsWith("launch: tip: ")) {
                lines.add(line.substring("launch: ".length()));
            }
        }
        for (EnvEntry e : plan.env()) {
            if (e.action() == EnvEntry.Action.KEPT && lines.stream().noneMatch(l -> l.contains(e.name()))) {
                lines.add("your " + e.name() + " is kept over the launch's " + e.derived());
            }
        }
        return lines;
    }

    private static Reporter silent() {
        return new Reporter(new PrintWriter(new StringWriter()), true, false);
    }

}
