package dev.agentlaunch.core.cli;

import picocli.CommandLine;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.config.ConfigLocation;
import dev.agentlaunch.core.config.ConfigReader;
import dev.agentlaunch.core.config.Profile;
import dev.agentlaunch.core.config.ProfileStore;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.tiers.ModelName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    final TierOptions tiers = new TierOptions();

    @Option(names = "--host", paramLabel = "URL", description = "The profile's model server (beats OLLAMA_HOST when the profile is used).")
    String host;

    @Option(names = "--server", paramLabel = "NAME",
            description = "The profile's server: a name in the config's \"servers\" (its url, kind and apiKeyEnv).")
    String server;

    @Option(names = "--force", description = "Replace an existing profile of that name.")
    boolean force;

    @Option(names = "--default-for", paramLabel = "INTEGRATION", split = ",",
            description = "Also make it the profile INTEGRATION uses when no --profile is given (e.g. claude; repeatable).")
    List<String> defaultFor = new ArrayList<>();

    final ConfigOptions config = new ConfigOptions();

    /** This command with its shared options ({@link OptionGroup}). */
    public static CommandLine create(CliContext context) {
        ProfileSaveCommand command = new ProfileSaveCommand(context);
        return OptionGroup.annotated(command, command.tiers, command.config);
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
        Profile profile = new Profile(flags.get(Tier.LARGE), flags.get(Tier.MEDIUM), flags.get(Tier.SMALL), tiers.model(), host,
                null, server);
        ConfigLocation location = ProfileShowCommand.location(context, config);
        Path written = new ProfileStore(new ConfigReader()).save(location, name, profile, force, defaultFor);
        context.reporter().note("saved profile '" + name + "' in " + written + "; use it with 'launch <integration> --profile "
                + name + "'");
        return 0;
    }
}
