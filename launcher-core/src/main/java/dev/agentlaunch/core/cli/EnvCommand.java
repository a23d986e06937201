package dev.agentlaunch.core.cli;

import picocli.CommandLine;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.config.RequestResolver;
import dev.agentlaunch.core.config.ResolvedRequest;
import dev.agentlaunch.core.output.EnvPrinter;
import dev.agentlaunch.core.output.Shell;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.process.LaunchPlan;
import dev.agentlaunch.core.process.LaunchPlanner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code launch env INTEGRATION [tier flags]}: the launch's environment for a shell to eval; runs nothing. */
@Command(name = "env", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = {"Print a launch's environment as lines your shell can eval, and the tool's command line.",
                "Only the launch's own values are printed, never your secrets. Nothing runs; no file of yours is written."},
        footerHeading = "%nExamples:%n",
        footer = {"  eval \"$(launch env claude --large qwen3:32b --small qwen3:4b)\"",
                "  launch env claude --profile coding --shell fish | source",
                "  launch env claude --model qwen3:8b --shell powershell | Invoke-Expression"})
public final class EnvCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "INTEGRATION", description = "The integration, e.g. claude (see 'launch list-integrations').")
    String integration;

    final TierOptions tiers = new TierOptions();

    final ProfileOption profile = new ProfileOption();

    final ConfigOptions config = new ConfigOptions();

    @Option(names = "--host", paramLabel = "URL", description = "Model server (default: $OLLAMA_HOST, else http://127.0.0.1:11434).")
    String host;

    @Option(names = "--server", paramLabel = "NAME", description = "A model server named in the config's \"servers\".")
    String serverName;

    @Option(names = "--server-kind", paramLabel = "KIND", description = "The server's kind (default: ollama; env asks no server).")
    String serverKind;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "The NAME of the environment variable that holds the server's token; printed as a reference, never the token.")
    String apiKeyEnv;

    @Option(names = "--tier-server", paramLabel = "TIER=SERVER", description = "Send that tier to another server (a name in "
            + "the config's \"servers\" or a URL), for tools that can; wins over the profile's \"tierServers\". Repeatable.")
    java.util.List<String> tierServers = new java.util.ArrayList<>();

    @Option(names = "--shell", paramLabel = "SHELL", defaultValue = "posix",
            description = "Syntax of the output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = ShellConverter.class, completionCandidates = ShellConverter.Names.class)
    Shell shell;

    /** This command with its shared options ({@link OptionGroup}). */
    public static CommandLine create(CliContext context) {
        EnvCommand command = new EnvCommand(context);
        return OptionGroup.annotated(command, command.tiers, command.profile, command.config);
    }

    private EnvCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LoadedIntegration loaded = context.registry().integrations().stream().filter(li -> li.id().equals(integration))
                .findFirst().orElseThrow(() -> LauncherException.usage("unknown integration '" + integration
                        + "'; 'launch list-integrations' lists the available ones"));
        ResolvedRequest resolved = new RequestResolver(context.env(), context.home())
                .resolveWith(loaded.id(), config.file(), profile.name(), tiers.flags(), tiers.model(),
                        new dev.agentlaunch.core.config.ServerFlags(host, serverName, serverKind, apiKeyEnv));
        dev.agentlaunch.core.server.ServerResolver servers = new dev.agentlaunch.core.server.ServerResolver(
                dev.agentlaunch.core.server.ServerKinds.with(context.registry().serverKinds()), context.env());
        java.util.Optional<dev.agentlaunch.core.server.ApiKey> key = servers.key(resolved.spec());
        LaunchPlanner planner = new LaunchPlanner(context.env(), context.home(),
                context.reporter().tipsOnlyIf(context.terminal().interactive()));
        // A split (the profile's tierServers, --tier-server) as a launch makes it, without asking any server.
        ResolvedRequest.TierServers split = resolved.tierServers(ServerOptions.tierServers(tierServers));
        java.util.Map<dev.agentlaunch.api.Tier, dev.agentlaunch.api.ServerEndpoint> elsewhere =
                new java.util.EnumMap<>(dev.agentlaunch.api.Tier.class);
        split.awayFrom(resolved.spec()).forEach((tier, spec) -> elsewhere.put(tier, servers.offline(spec, servers.key(spec))));
        if (!elsewhere.isEmpty() && !loaded.integration().supportsServerPerTier()) {
            throw dev.agentlaunch.core.server.ServerPlanner.cannotSplit(loaded.integration(), split.origin());
        }
        dev.agentlaunch.api.TierPlan tiers = planner.resolve(resolved.request(), resolved.server())
                .withServers(servers.offline(resolved.spec(), key), elsewhere);
        LaunchPlan plan = planner.map(loaded, tiers, resolved.server(), context.toolArgs(), key);
        new EnvPrinter(context.out(), shell).print(plan);
        return 0;
    }

    /** {@code posix}, {@code fish}, {@code powershell}, case-insensitive. */
    static final class ShellConverter implements picocli.CommandLine.ITypeConverter<Shell> {
        @Override
        public Shell convert(String value) {
            for (Shell s : Shell.values()) {
                if (s.id().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown shell '" + value + "': use posix, fish or powershell");
        }

        static final class Names extends java.util.ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Names() {
                for (Shell s : Shell.values()) {
                    add(s.id());
                }
            }
        }
    }
}
