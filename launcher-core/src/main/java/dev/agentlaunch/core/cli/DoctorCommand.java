package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Tier;
import picocli.CommandLine;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.config.RequestResolver;
import dev.agentlaunch.core.config.ResolvedRequest;
import dev.agentlaunch.core.doctor.Doctor;
import dev.agentlaunch.core.doctor.DoctorResult;
import dev.agentlaunch.core.output.DoctorPrinter;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.plugins.PluginProblem;
import dev.agentlaunch.core.server.ByteSize;
import dev.agentlaunch.core.server.MemoryProbe;
import dev.agentlaunch.core.config.ServerFlags;
import dev.agentlaunch.core.server.ApiKey;
import dev.agentlaunch.core.server.ServerKinds;
import dev.agentlaunch.core.server.ServerResolver;
import dev.agentlaunch.core.server.ServerTarget;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerChecks;
import dev.agentlaunch.core.server.ServerPlanner;
import dev.agentlaunch.core.server.ServerSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code launch doctor [integration] [tier flags] [--json]}: what a launch would check, reported. */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Check the model server, the tier models (present, size, context, tool calling), whether they fit "
                + "in memory, the integration's tool and version, and your variables that would override the launch.",
                "Pulls nothing and changes nothing. Exit 0 when all is well, 3 when anything needs fixing."},
        footerHeading = "%nExamples:%n",
        footer = {"  launch doctor", "  launch doctor claude --large qwen3:32b --medium qwen3:14b --small qwen3:4b",
                "  launch doctor claude --model qwen3:8b --json", "  launch doctor --host gpu-box:11434 --memory 24GiB --model qwen3:32b"})
public final class DoctorCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INTEGRATION",
            description = "The integration to check (see 'launch list-integrations'); without it, the server and models only.")
    String integrationId;

    final TierOptions tiers = new TierOptions();

    final ProfileOption profile = new ProfileOption();

    final ConfigOptions config = new ConfigOptions();

    @Option(names = "--host", paramLabel = "URL",
            description = "Model server (default: $OLLAMA_HOST, else http://127.0.0.1:11434).")
    String host;

    @Option(names = "--server", paramLabel = "NAME", description = "A model server named in the config's \"servers\".")
    String serverName;

    @Option(names = "--server-kind", paramLabel = "KIND", description = "The server's kind (default: detected).")
    String serverKind;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "The NAME of the environment variable that holds the server's token.")
    String apiKeyEnv;

    @Option(names = "--tier-server", paramLabel = "TIER=SERVER", description = "Check that tier on another server (a name in the "
            + "config's \"servers\" or a URL), as a launch would send it; wins over the profile's \"tierServers\". Repeatable.")
    List<String> tierServers = new ArrayList<>();

    @Option(names = "--offline", description = "Ask the model server nothing: check the tool and your variables only.")
    boolean offline;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory the server can give the models, e.g. 24GiB (default: this machine's, when the server is local).")
    String memory;

    final OutputOptions output = new OutputOptions();

    /** This command with its shared options ({@link OptionGroup}). */
    public static CommandLine create(CliContext context) {
        DoctorCommand command = new DoctorCommand(context);
        return OptionGroup.annotated(command, command.tiers, command.profile, command.config, command.output);
    }

    private DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LoadedIntegration integration = integrationId == null ? null : context.registry().find(integrationId)
                .orElseThrow(() -> unknown(integrationId));
        OptionalLong memoryBytes = memory == null ? OptionalLong.empty() : OptionalLong.of(ByteSize.parse(memory, "--memory"));
        // The same tiers and server a launch would use: flags, profile, config defaults, --model.
        ResolvedRequest resolved = new RequestResolver(context.env(), context.home())
                .resolveWith(integrationId == null ? "" : integrationId, config.file(), profile.name(), tiers.flags(), tiers.model(),
                        new ServerFlags(host, serverName, serverKind, apiKeyEnv));
        ServerAddress address = resolved.server();
        ServerResolver servers = new ServerResolver(ServerKinds.with(context.registry().serverKinds()), context.env());
        Optional<ApiKey> key = servers.key(resolved.spec());
        ServerTarget[] target = new ServerTarget[1];
        Doctor doctor = new Doctor(() -> {
            target[0] = servers.connect(resolved.spec(), key);
            return new ServerChecks(target[0], MemoryProbe.system()::probe, System::nanoTime);
        }, loaded -> servers.requireWireApi(loaded.integration(), loaded.integration().wireApi(), target[0].endpoint()),
                context.env(), context.home(), new dev.agentlaunch.core.process.ToolVersion(context.env())::of);
        ResolvedRequest.TierServers split = resolved.tierServers(ServerOptions.tierServers(tierServers));
        doctor.withTierServers(tierServers(split, resolved.spec(), servers, integration),
                integration == null || integration.integration().supportsServerPerTier() ? null
                        : ServerPlanner.cannotSplit(integration.integration(), split.origin()).getMessage());
        DoctorResult result = doctor.examine(address, integration, resolved.request(), memoryBytes, context.toolArgs(), offline);
        result.checks().ifPresent(c -> context.reporter().debug("server checks took " + c.elapsed().toMillis() + " ms"));
        new DoctorPrinter(context.out()).print(result, output.json());
        return result.problems().isEmpty() ? ExitCode.OK : ExitCode.NOT_READY;
    }

    /** The servers the split sends tiers to, other than the main one, each asked (and its wire API checked) on first use. */
    private static List<Doctor.TierServer> tierServers(ResolvedRequest.TierServers split, ServerSpec main, ServerResolver servers,
                                                     LoadedIntegration integration) {
        Map<String, ServerSpec> specs = new LinkedHashMap<>();
        Map<String, Set<Tier>> tiersOf = new LinkedHashMap<>();
        split.awayFrom(main).forEach((tier, spec) -> {
            specs.putIfAbsent(spec.address().url(), spec);
            tiersOf.computeIfAbsent(spec.address().url(), u -> EnumSet.noneOf(Tier.class)).add(tier);
        });
        List<Doctor.TierServer> list = new ArrayList<>();
        specs.forEach((url, spec) -> list.add(new Doctor.TierServer(tiersOf.get(url), () -> {
            ServerTarget t = servers.connect(spec, servers.key(spec));
            if (integration != null) {
                servers.requireWireApi(integration.integration(), integration.integration().wireApi(), t.endpoint());
            }
            return new ServerChecks(t, MemoryProbe.system()::probe, System::nanoTime);
        })));
        return list;
    }

    private LauncherException unknown(String id) {
        Optional<PluginProblem> broken = context.registry().problemFor(id);
        if (broken.isPresent()) {
            return LauncherException.plugin("integration '" + id + "' is unavailable: " + broken.get().describe());
        }
        return LauncherException.usage("unknown integration '" + id + "': 'launch list-integrations' lists the available ones");
    }
}
