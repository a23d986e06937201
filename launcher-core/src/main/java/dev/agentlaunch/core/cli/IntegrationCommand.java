package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.api.WireApi;
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
import dev.agentlaunch.core.process.ToolInstaller;
import dev.agentlaunch.core.server.ApiKey;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.KeptModel;
import dev.agentlaunch.core.server.LaunchChecks;
import dev.agentlaunch.core.server.MemoryProbe;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerKinds;
import dev.agentlaunch.core.server.ServerPlanner;
import dev.agentlaunch.core.server.ServerResolver;
import dev.agentlaunch.core.server.ServerSpec;
import dev.agentlaunch.core.server.ServerTarget;
import dev.agentlaunch.core.tiers.TierRequest;
import dev.agentlaunch.core.tiers.TierResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

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
    private final OutputOptions output = new OutputOptions("With --dry-run: print the plan as JSON on stdout instead of text "
            + "(without --dry-run it is an error: a launch hands the terminal to the tool).");
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
                .customSynopsis("launch " + id + " [--large MODEL] [--medium MODEL] [--small MODEL]",
                        "       " + " ".repeat(id.length()) + "        [--model MODEL] [OPTIONS] [-- TOOL_ARGS...]")
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
        // Everything wrong with the command line comes first (exit 2): flags, names, addresses, and
        // arguments after -- that the integration refuses; only then the tool and the server.
        boolean dryRun = OptionGroup.flag(this.dryRun);
        if (output.json() && !dryRun) {     // a launch hands the terminal to the tool: there is no JSON to print
            throw LauncherException.usage("--json prints the plan of a dry run: add --dry-run, or leave --json out to launch "
                    + loaded.integration().displayName());
        }
        ResolvedRequest resolved = new RequestResolver(context.env(), context.home())
                .resolveWith(loaded.id(), config.file(), profile.name(), tiers.flags(), tiers.model(), server.flags());
        LaunchPlanner planner = new LaunchPlanner(context.env(), context.home(), context.reporter().tipsOnlyIf(context.terminal().interactive()));
        ServerAddress address = resolved.server();
        ServerSpec spec = resolved.spec();
        ServerResolver resolver = new ServerResolver(ServerKinds.with(context.registry().serverKinds()), context.env());
        Optional<ApiKey> key = resolver.key(spec);      // a bad --api-key-env is bad input before anything runs
        OptionalLong memory = checks.memoryBytes();
        Optional<Boolean> auto = tiers.auto();
        Optional<ModelPicker> picker = Optional.empty();
        if (auto.isPresent()) {
            if (server.offline()) {
                throw LauncherException.usage("--auto chooses from the server's models, which --offline never asks; drop one of them");
            }
            if (tiers.model() != null) {
                throw LauncherException.usage("--auto and --model both fill every tier you do not name; pass one of them");
            }
            new TierResolver().validate(resolved.request());
        } else if (pickerWanted(resolved)) {
            picker = PickerLoader.load(Main.distributionHome());
        }
        boolean choosing = auto.isPresent() || picker.isPresent();
        ResolvedRequest.TierServers perTier = resolved.tierServers(server.tierServers());     // --tier-server wins per tier
        if (choosing) {
            Map<Tier, String> elsewhere = new EnumMap<>(Tier.class);
            perTier.awayFrom(spec).forEach((tier, s) -> elsewhere.put(tier, s.address().url() + " (" + perTier.origin() + ")"));
            AutoTiers.requireNamedWhereSplit(AutoTiers.named(resolved.request()), elsewhere,
                    auto.isPresent() ? "--auto" : "the model picker");
        }
        // While the server is still to be asked, the tiers to choose hold a placeholder: enough for the trial mapping.
        // The server's kind and token variable as far as known without asking it: the trial mapping sees them.
        TierPlan tierPlan = (choosing ? planner.resolve(resolved.request(), placeholders(resolved.request()), address)
                : planner.resolve(resolved.request(), address)).withServers(resolver.offline(spec, key), Map.of());
        List<KeptModel> kept = List.of();
        if (!dryRun || !server.offline()) {        // a dry run without checks looks nothing up: the mapping below says it all
            long start = System.nanoTime();
            kept = planner.preview(loaded, tierPlan, context.toolArgs());
            context.reporter().debug(String.format(Locale.ROOT, "trial mapping in %.1f ms (%d kept tier variables)",
                    (System.nanoTime() - start) / 1e6, kept.size()));
        }
        if (!dryRun) {      // a missing tool is the first thing to fix: say so before asking the server anything
            requireExecutable(planner);
        }
        AutoChoice autoChoice = null;
        // Choosing asks the server for its models through its kind (detected or named, with its token); the checks
        // below reuse this connection, so the kind is found once.
        ServerTarget connected = choosing ? resolver.connect(spec, key) : null;
        if (auto.isPresent()) {
            autoChoice = AutoTiers.of(connected).choose(AutoTiers.named(resolved.request()),
                    CheckRequirements.of(loaded.integration(), memory),
                    AutoTiers.budget(address, memory, MemoryProbe.system()::probe), auto.get(), address);
            tierPlan = planner.resolve(resolved.request(), AutoTiers.assignments(autoChoice.models(), TierSource.AUTO), address)
                    .withServers(connected.endpoint(), Map.of());
            if (!dryRun) {
                AutoPrinter.notes(autoChoice, context.reporter());
            }
        } else if (picker.isPresent()) {
            PickerFlow flow = new PickerFlow(context, picker.get());
            Map<Tier, String> picked = flow.pick(loaded.integration(), connected.catalog(), connected.kind().addModelHint(),
                    CheckRequirements.of(loaded.integration(), memory),
                    AutoTiers.budget(address, memory, MemoryProbe.system()::probe), address);
            flow.offerToSave(picked, config);
            tierPlan = planner.resolve(resolved.request(), AutoTiers.assignments(picked, TierSource.PICKED), address)
                    .withServers(connected.endpoint(), Map.of());
        }
        if (choosing) {
            kept = planner.preview(loaded, tierPlan, context.toolArgs());
        }
        ServerPlanner.Outcome servers = new ServerPlanner(resolver, context.terminal(), context.reporter()).plan(
                loaded.integration(), wireApi(), tierPlan, spec, key, perTier.specs(), perTier.origin(), kept, server.offline(),
                CheckRequirements.of(loaded.integration(), memory),
                new LaunchChecks.Settings(checks.pull(), checks.yes(), checks.strict(), dryRun), connected);
        tierPlan = servers.plan();
        long mapping = System.nanoTime();
        LaunchPlan plan = planner.map(loaded, tierPlan, address, context.toolArgs(), key);
        context.reporter().debug(String.format(Locale.ROOT, "mapping in %.1f ms", (System.nanoTime() - mapping) / 1e6));
        if (dryRun) {
            new PlanPrinter(context.out(), resolved.profile()).withAuto(autoChoice).kindSource(servers.kindSource())
                    .tierChecks(servers.tierReports()).print(plan, servers.report(), servers.notRun(), output.json());
            return 0;
        }
        Path exe = notFound(plan.executable());
        context.reporter().debug("launching " + exe + " " + plan.arguments());
        return new Handoff(context.handoffTarget()).launch(plan, exe, context.launcherArgCount(), context.toolArgs());
    }

    /** The picker opens for a launch that names no model at all, on a terminal, when the server can be asked. */
    private boolean pickerWanted(ResolvedRequest resolved) {
        TierRequest r = resolved.request();
        return context.terminal().interactive() && !server.offline() && r.flags().isEmpty() && r.profile().isEmpty()
                && r.defaults().isEmpty() && r.model() == null;
    }

    /** A placeholder model on every tier the user did not name, for the trial mapping before the choice. */
    private static Map<Tier, TierPlan.Assignment> placeholders(TierRequest request) {
        Map<Tier, TierPlan.Assignment> m = new EnumMap<>(Tier.class);
        Map<Tier, String> named = AutoTiers.named(request);
        for (Tier tier : Tier.values()) {
            if (!named.containsKey(tier)) {
                m.put(tier, new TierPlan.Assignment("auto", TierSource.AUTO));
            }
        }
        return m;
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
    /**
     * The tool's executable; when it is missing and its plugin names an {@code npm install -g}
     * command, a terminal user is asked first ({@code --yes} answers) and npm installs it. Without
     * a terminal nobody can answer, so nothing is installed.
     */
    private Path requireExecutable(LaunchPlanner planner) {
        ExecutableFinder.Result found = planner.findExecutable(loaded);
        if (found.executable().isPresent() || found.notExecutable().isPresent() || !context.terminal().interactive()) {
            return notFound(found);
        }
        Integration integration = loaded.integration();
        Optional<List<String>> npmArgs = ToolInstaller.npmCommand(integration.installHint());
        if (npmArgs.isEmpty()) {
            return notFound(found);
        }
        ToolInstaller installer = new ToolInstaller(context.env());
        String command = "npm " + String.join(" ", npmArgs.get());
        Path npm = installer.npm().orElseThrow(() -> LauncherException.notReady(integration.displayName()
                + " is not installed, and there is no npm on PATH to install it with; install Node.js (it brings npm), then: "
                + command));
        if (checks.yes()) {
            context.reporter().note(integration.displayName() + " is not installed; installing it with '" + command + "' (--yes)");
        } else {
            context.reporter().err().print(integration.displayName() + " is not installed. Install it now with '" + command
                    + "'? [y/N] ");
            context.reporter().err().flush();
            String answer = context.terminal().readLine().orElse("").trim().toLowerCase(Locale.ROOT);
            if (!answer.equals("y") && !answer.equals("yes")) {
                return notFound(found);
            }
        }
        int code;
        try {
            code = installer.run(npm, npmArgs.get(), context.reporter().err());
        } catch (IOException e) {
            throw LauncherException.notReady("could not run " + npm + " (" + e.getMessage() + "); install "
                    + integration.displayName() + " yourself: " + command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.notReady("installing " + integration.displayName() + " was interrupted");
        }
        if (code != 0) {
            throw LauncherException.notReady("'" + command + "' failed (npm exit " + code + "); the launcher never uses sudo: "
                    + "if npm cannot write its global dir, give it one you own (npm config set prefix ~/.npm-global) and launch again");
        }
        ExecutableFinder.Result after = planner.findExecutable(loaded);
        Path exe = after.executable().orElseThrow(() -> LauncherException.notReady("'" + command + "' finished, but "
                + String.join(", ", integration.executableNames()) + " is still not on PATH, in npm's global bin dir or in "
                + integration.displayName() + "'s install dirs; add npm's bin dir to PATH (npm prefix -g shows it)"));
        context.reporter().note("installed " + integration.displayName() + ": " + after.described().orElse(exe.toString()));
        return exe;
    }

    private Path notFound(ExecutableFinder.Result found) {
        Integration integration = loaded.integration();
        return found.executable().orElseThrow(() -> found.notExecutable()
                .map(p -> LauncherException.notReady(integration.displayName() + " found at " + p
                        + " but it is not executable; fix with: chmod +x " + p))
                .orElseGet(() -> LauncherException.notReady(integration.displayName() + " is not installed (looked for "
                        + String.join(", ", integration.executableNames()) + " on PATH, in its installer's dirs and npm's global bin dir)"
                        + "; install it with: " + integration.installHint())));
    }
}
