package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.config.RequestResolver;
import dev.agentlaunch.core.config.ResolvedRequest;
import dev.agentlaunch.core.output.PlanPrinter;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.process.ExecutableFinder;
import dev.agentlaunch.core.process.Handoff;
import dev.agentlaunch.core.process.LaunchPlan;
import dev.agentlaunch.core.process.LaunchPlanner;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.LaunchChecks;
import dev.agentlaunch.api.ServerEndpoint;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.server.ApiKey;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerKinds;
import dev.agentlaunch.core.server.ServerResolver;
import dev.agentlaunch.core.server.ServerSpec;
import dev.agentlaunch.core.server.ServerPlanner;
import dev.agentlaunch.api.Tier;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import dev.agentlaunch.core.server.ServerReport;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code launch <integration> [tier flags] [-- tool args]}: one instance per discovered
 * integration. Parses, then delegates to {@link LaunchPlanner} and {@link Handoff}. Declared in
 * code, not with annotations: it is built on every launch (see {@link OptionGroup}).
 */
public final class IntegrationCommand implements Callable<Integer> {
    private final CliContext context;
    private final LoadedIntegration loaded;
    private final TierOptions tiers;
    private final ProfileOption profile = new ProfileOption();
    private final ConfigOptions config = new ConfigOptions();
    private final ServerOptions server = new ServerOptions();
    private final CheckOptions checks = new CheckOptions();
    private final OutputOptions output = new OutputOptions();
    private OptionSpec dryRun;

    private IntegrationCommand(CliContext context, LoadedIntegration loaded) {
        this.context = context;
        this.loaded = loaded;
        this.tiers = new TierOptions(loaded.integration().tierRoles());
    }

    /** A picocli command for one integration, its help naming what each tier drives in the tool. */
    public static CommandLine create(CliContext context, LoadedIntegration loaded) {
        IntegrationCommand command = new IntegrationCommand(context, loaded);
        Integration integration = loaded.integration();
        String id = loaded.id();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(id);
        spec.usageMessage().sortOptions(false).autoWidth(true)
                .customSynopsis("launch " + id + " [--large MODEL] [--medium MODEL] [--small MODEL] [--model MODEL] [OPTIONS] [-- TOOL_ARGS...]")
                .description("Start " + integration.displayName() + " against the model server, with a model per tier.",
                        "Anything after -- goes to " + integration.displayName() + " unchanged.")
                .footerHeading("%nExamples:%n")
                .footer("  launch " + id + " --large qwen3:32b --medium qwen3:14b --small qwen3:4b",
                        "  launch " + id + " --model qwen3:8b",
                        "  launch " + id + " --large qwen3:32b --small qwen3:4b --dry-run",
                        "  launch " + id + " --profile coding",
                        "",
                        "Per tier, first match wins: its flag, the profile, the config's default tiers, --model;",
                        "a tier still empty takes the next larger tier's model (else the next smaller one's).",
                        "Plugin: " + loaded.pluginId() + " " + loaded.pluginVersion() + " (" + loaded.jar() + ")",
                        "Install " + integration.displayName() + ": " + integration.installHint());
        command.tiers.addTo(spec);
        command.profile.addTo(spec);
        command.config.addTo(spec);
        command.server.addTo(spec);
        command.checks.addTo(spec);
        command.dryRun = OptionGroup.add(spec, OptionSpec.builder("-n", "--dry-run").type(boolean.class)
                .description("Print the plan (tiers, executable, argv, env) and run nothing.").build());
        command.output.addTo(spec);
        OptionGroup.standardHelp(spec, true);
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws Exception {
        ResolvedRequest resolved = new RequestResolver(context.env(), context.home())
                .resolveWith(loaded.id(), config.file(), profile.name(), tiers.flags(), tiers.model(), server.flags());
        LaunchPlanner planner = new LaunchPlanner(context.env(), context.home(), context.reporter());
        ServerAddress address = resolved.server();
        ServerSpec spec = resolved.spec();
        ServerResolver resolver = new ServerResolver(ServerKinds.with(context.registry().serverKinds()), context.env());
        Optional<ApiKey> key = resolver.key(spec);      // a bad --api-key-env is bad input before anything runs
        OptionalLong memory = checks.memoryBytes();
        TierPlan tierPlan = planner.resolve(resolved.request(), address);
        boolean dryRun = OptionGroup.flag(this.dryRun);
        if (!dryRun) {      // a missing tool is the first thing to fix: say so before asking the server anything
            requireExecutable(planner.findExecutable(loaded));
        }
        Map<Tier, ServerSpec> perTier = new EnumMap<>(Tier.class);
        server.tierServers().forEach((tier, value) -> perTier.put(tier, resolved.tierServer(value, "--tier-server")));
        ServerPlanner.Outcome servers = new ServerPlanner(resolver, context.terminal(), context.reporter()).plan(
                loaded.integration(), wireApi(), tierPlan, spec, key, perTier, server.offline(),
                CheckRequirements.of(loaded.integration(), memory),
                new LaunchChecks.Settings(checks.pull(), checks.yes(), checks.strict(), dryRun));
        tierPlan = servers.plan();
        LaunchPlan plan = planner.map(loaded, tierPlan, address, context.toolArgs(), key);
        if (dryRun) {
            new PlanPrinter(context.out(), resolved.profile()).kindSource(servers.kindSource()).tierChecks(servers.tierReports())
                    .print(plan, servers.report(), servers.notRun(), output.json());
            return 0;
        }
        Path exe = requireExecutable(plan.executable());
        context.reporter().debug("launching " + exe + " " + plan.arguments());
        return new Handoff(context.handoffTarget()).launch(plan, exe, context.launcherArgCount());
    }

    /** The plugin's declared wire API; a plugin that throws is a plugin failure. */
    private WireApi wireApi() {
        try {
            WireApi api = loaded.integration().wireApi();
            return api == null ? WireApi.OPENAI_CHAT : api;
        } catch (RuntimeException | LinkageError e) {
            throw LauncherException.plugin("plugin " + loaded.jar() + " failed in wireApi: " + e + "; report it to the "
                    + "plugin's author or remove the jar");
        }
    }

    private Path requireExecutable(ExecutableFinder.Result found) {
        Integration integration = loaded.integration();
        return found.executable().orElseThrow(() -> found.notExecutable()
                .map(p -> LauncherException.notReady(integration.displayName() + " found at " + p
                        + " but it is not executable; fix with: chmod +x " + p))
                .orElseGet(() -> LauncherException.notReady(integration.displayName() + " is not installed (looked for "
                        + String.join(", ", integration.executableNames()) + " on PATH); install it with: "
                        + integration.installHint())));
    }
}
