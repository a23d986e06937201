package dev.agentlaunch.core.cli;

import picocli.CommandLine;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.auto.AutoChoice;
import dev.agentlaunch.core.auto.AutoTiers;
import dev.agentlaunch.core.output.AutoPrinter;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.server.ByteSize;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.MemoryProbe;
import dev.agentlaunch.core.config.RequestResolver;
import dev.agentlaunch.core.config.ServerFlags;
import dev.agentlaunch.core.server.ServerKinds;
import dev.agentlaunch.core.server.ServerResolver;
import dev.agentlaunch.core.server.ServerSpec;
import dev.agentlaunch.core.server.ServerTarget;
import dev.agentlaunch.core.config.ConfigLocation;
import dev.agentlaunch.core.config.ConfigReader;
import dev.agentlaunch.core.config.Profile;
import dev.agentlaunch.core.config.ProfileStore;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.tiers.ModelName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code launch profile save NAME --large ...}: the only command that writes the config file. */
@Command(name = "save", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Save a profile in the config file (created if missing); an existing NAME needs --force.",
                "The file is replaced atomically, the previous one kept as config.json.bak next to it."})
public final class ProfileSaveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The profile's name, e.g. coding.")
    String name;

    final TierOptions tiers = new TierOptions().withAuto();

    @Option(names = "--host", paramLabel = "URL", description = "The profile's model server (beats OLLAMA_HOST when the profile is used).")
    String host;

    @Option(names = "--server", paramLabel = "NAME",
            description = "The profile's server: a name in the config's \"servers\" (its url, kind and apiKeyEnv).")
    String server;

    @Option(names = "--tier-server", paramLabel = "TIER=SERVER",
            description = "Send one tier to another server when the profile is used: a name in the config's \"servers\" or "
                    + "a URL, e.g. --tier-server small=laptop (saved as \"tierServers\"; repeatable).")
    List<String> tierServers = new ArrayList<>();

    @Option(names = "--force", description = "Replace an existing profile of that name.")
    boolean force;

    @Option(names = "--default-for", paramLabel = "INTEGRATION", split = ",",
            description = "Also make it the profile INTEGRATION uses when no --profile is given (e.g. claude; repeatable).")
    List<String> defaultFor = new ArrayList<>();

    @Option(names = "--memory", paramLabel = "SIZE", description = "With --auto: the server's memory for models, e.g. 24GiB "
            + "(default: this machine's when the server is local).")
    String memory;

    final ConfigOptions config = new ConfigOptions();

    /** This command with its shared options ({@link OptionGroup}). */
    public static CommandLine create(CliContext context) {
        ProfileSaveCommand command = new ProfileSaveCommand(context);
        return OptionGroup.annotated(command, command.tiers, command.config);
    }

    /** What {@code --auto} chooses for the tiers not named, for the integrations the profile is for. */
    private Map<Tier, String> chooseAuto(Map<Tier, String> named, boolean cloud) {
        OptionalLong memoryBytes = memory == null ? OptionalLong.empty() : OptionalLong.of(ByteSize.parse(memory, "--memory"));
        // The profile's server: --host, else OLLAMA_HOST, else Ollama's default; or the entry --server names in the config,
        // which gives its kind and token variable (no integration is launched, so no default profile applies).
        ServerSpec spec = server == null ? ServerSpec.of(ServerAddress.resolve(host, context.env().get("OLLAMA_HOST")))
                : new RequestResolver(context.env(), context.home())
                        .resolveWith("", config.file(), null, Map.of(), null, new ServerFlags(null, server, null, null)).spec();
        ServerResolver resolver = new ServerResolver(ServerKinds.with(context.registry().serverKinds()), context.env());
        ServerTarget target = resolver.connect(spec, resolver.key(spec));
        ServerAddress address = target.address();
        AutoChoice choice = AutoTiers.of(target).choose(named, needs(memoryBytes),
                AutoTiers.budget(address, memoryBytes, MemoryProbe.system()::probe), cloud, address);
        AutoPrinter.notes(choice, context.reporter());
        return choice.models();
    }

    /**
     * The needs of the integrations named by {@code --default-for}, else of every integration found:
     * tools wherever one of them needs them, the largest minimum context.
     */
    private CheckRequirements needs(OptionalLong memoryBytes) {
        List<LoadedIntegration> those = context.registry().integrations().stream()
                .filter(li -> defaultFor.isEmpty() || defaultFor.contains(li.id())).toList();
        if (those.isEmpty()) {
            return CheckRequirements.generic(memoryBytes);
        }
        Set<Tier> toolTiers = EnumSet.noneOf(Tier.class);
        int context = 0;
        for (LoadedIntegration li : those) {
            CheckRequirements one = CheckRequirements.of(li.integration(), memoryBytes);
            toolTiers.addAll(one.toolTiers());
            context = Math.max(context, one.minimumContext());
        }
        String name = those.size() == 1 ? those.get(0).integration().displayName()
                : "every integration (" + those.stream().map(LoadedIntegration::id).collect(Collectors.joining(", ")) + ")";
        return new CheckRequirements(name, toolTiers, context, memoryBytes);
    }

    private ProfileSaveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<Tier, String> flags = tiers.flags();
        flags.forEach((tier, model) -> ModelName.require(model, tier.flag()));
        if (tiers.model() != null) {
            ModelName.require(tiers.model(), "--model");
        }
        if (host != null) {
            ServerAddress.of(host, "--host");
        }
        Optional<Boolean> auto = tiers.auto();
        if (auto.isPresent()) {
            if (tiers.model() != null) {
                throw LauncherException.usage("--auto and --model both fill every tier you do not name; pass one of them");
            }
            Map<Tier, String> elsewhere = new java.util.EnumMap<>(Tier.class);
            ServerOptions.tierServers(tierServers).forEach((tier, value) -> elsewhere.put(tier, value + " (--tier-server)"));
            AutoTiers.requireNamedWhereSplit(flags, elsewhere, "--auto");
            flags.putAll(chooseAuto(flags, auto.get()));
        }
        Map<String, String> perTier = new java.util.LinkedHashMap<>();
        ServerOptions.tierServers(tierServers).forEach((tier, value) -> perTier.put(tier.id(), value));
        Profile profile = new Profile(flags.get(Tier.LARGE), flags.get(Tier.MEDIUM), flags.get(Tier.SMALL), tiers.model(), host,
                null, server, perTier);
        ConfigLocation location = ProfileShowCommand.location(context, config);
        Path written = new ProfileStore(new ConfigReader()).save(location, name, profile, force, defaultFor);
        context.reporter().note("saved profile '" + name + "' in " + written + "; use it with 'launch <integration> --profile "
                + name + "'");
        return 0;
    }
}
