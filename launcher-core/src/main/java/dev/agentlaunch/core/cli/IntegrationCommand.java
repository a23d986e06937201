package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.Main;
import dev.agentlaunch.core.auto.AutoChoice;
import dev.agentlaunch.core.auto.AutoTiers;
import dev.agentlaunch.core.config.RequestResolver;
import dev.agentlaunch.core.config.ResolvedRequest;
import dev.agentlaunch.core.output.AutoPrinter;
import dev.agentlaunch.core.output.PlanPrinter;
import dev.agentlaunch.core.picker.ModelPicker;
import dev.agentlaunch.core.picker.PickerLoader;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.process.ExecutableFinder;
import dev.agentlaunch.core.process.Handoff;
import dev.agentlaunch.core.process.LaunchPlan;
import dev.agentlaunch.core.process.LaunchPlanner;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.LaunchChecks;
import dev.agentlaunch.core.server.MemoryProbe;
import dev.agentlaunch.core.server.OllamaClient;
import dev.agentlaunch.core.server.OllamaModelCatalog;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerReport;
import dev.agentlaunch.core.tiers.TierRequest;
import dev.agentlaunch.core.tiers.TierResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
        this.tiers = new TierOptions(loaded.integration().tierRoles()).withAuto();
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
                        "  launch " + id + " --auto --dry-run",
                        "",
                        "Per tier, first match wins: its flag, the profile, the config's default tiers, --model;",
                        "a tier still empty takes the next larger tier's model (else the next smaller one's).",
                        "--auto chooses the tiers you do not name from the server's models; with no model at all,",
                        "a terminal gets a picker.",
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
                .resolve(loaded.id(), config.file(), profile.name(), tiers.flags(), tiers.model(), server.host());
        LaunchPlanner planner = new LaunchPlanner(context.env(), context.home(), context.reporter());
        ServerAddress address = resolved.server();
        OptionalLong memory = checks.memoryBytes();
        boolean dryRun = OptionGroup.flag(this.dryRun);
        Optional<Boolean> auto = tiers.auto();
        AutoChoice autoChoice = null;
        TierPlan tierPlan;
        if (auto.isPresent()) {
            if (server.offline()) {
                throw LauncherException.usage("--auto chooses from the server's models, which --offline never asks; drop one of them");
            }
            if (tiers.model() != null) {
                throw LauncherException.usage("--auto and --model both fill every tier you do not name; pass one of them");
            }
            new TierResolver().validate(resolved.request());
            if (!dryRun) {
                requireExecutable(planner.findExecutable(loaded));
            }
            autoChoice = new AutoTiers(new OllamaModelCatalog(new OllamaClient(address))).choose(AutoTiers.named(resolved.request()),
                    CheckRequirements.of(loaded.integration(), memory),
                    AutoTiers.budget(address, memory, MemoryProbe.system()::probe), auto.get(), address);
            tierPlan = planner.resolve(resolved.request(), AutoTiers.assignments(autoChoice.models(), TierSource.AUTO), address);
            if (!dryRun) {
                AutoPrinter.notes(autoChoice, context.reporter());
            }
        } else {
            Optional<ModelPicker> picker = pickerWanted(resolved) ? PickerLoader.load(Main.distributionHome()) : Optional.empty();
            if (picker.isPresent()) {
                if (!dryRun) {      // no point choosing models for a tool that is not there
                    requireExecutable(planner.findExecutable(loaded));
                }
                PickerFlow flow = new PickerFlow(context, picker.get());
                Map<Tier, String> picked = flow.pick(loaded.integration(), new OllamaModelCatalog(new OllamaClient(address)),
                        CheckRequirements.of(loaded.integration(), memory),
                        AutoTiers.budget(address, memory, MemoryProbe.system()::probe), address);
                flow.offerToSave(picked, config);
                tierPlan = planner.resolve(resolved.request(), AutoTiers.assignments(picked, TierSource.PICKED), address);
            } else {
                tierPlan = planner.resolve(resolved.request(), address);
                if (!dryRun) {      // a missing tool is the first thing to fix: say so before asking the server anything
                    requireExecutable(planner.findExecutable(loaded));
                }
            }
        }
        ServerReport report = null;
        String notRun = "--offline";
        if (!server.offline()) {      // checked before mapping, so the plugin sees what the server said about each model
            try {
                report = LaunchChecks.create(address, context.terminal(), context.reporter()).run(tierPlan,
                        CheckRequirements.of(loaded.integration(), memory),
                        new LaunchChecks.Settings(checks.pull(), checks.yes(), checks.strict(), dryRun));
                tierPlan = tierPlan.withModelInfo(report.modelInfo());
            } catch (LauncherException e) {
                if (!dryRun || e.exitCode() != ExitCode.NOT_READY) {
                    throw e;
                }
                // A dry run needs no server: show the plan, and say what would stop the launch.
                context.reporter().warn("the launch would stop here: " + e.getMessage());
                notRun = "the launch would stop: see the warning above";
            }
        }
        LaunchPlan plan = planner.map(loaded, tierPlan, address, context.toolArgs());
        if (dryRun) {
            new PlanPrinter(context.out(), resolved.profile()).withAuto(autoChoice).print(plan, report, notRun, output.json());
            return 0;
        }
        Path exe = requireExecutable(plan.executable());
        context.reporter().debug("launching " + exe + " " + plan.arguments());
        return new Handoff(context.handoffTarget()).launch(plan, exe, context.launcherArgCount());
    }

    /** The picker opens for a launch that names no model at all, on a terminal, when the server can be asked. */
    private boolean pickerWanted(ResolvedRequest resolved) {
        TierRequest r = resolved.request();
        return context.terminal().interactive() && !server.offline() && r.flags().isEmpty() && r.profile().isEmpty()
                && r.defaults().isEmpty() && r.model() == null;
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
