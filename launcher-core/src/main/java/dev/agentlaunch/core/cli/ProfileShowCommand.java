package dev.agentlaunch.core.cli;

import picocli.CommandLine;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.config.Config;
import dev.agentlaunch.core.config.ConfigLocation;
import dev.agentlaunch.core.config.ConfigReader;
import dev.agentlaunch.core.config.Profile;
import dev.agentlaunch.core.output.ProfilePrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code launch profile show NAME}: one profile in full. */
@Command(name = "show", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Show one profile: its tiers, host, per-integration overrides.")
public final class ProfileShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The profile.")
    String name;

    final ConfigOptions config = new ConfigOptions();

    final OutputOptions output = new OutputOptions();

    /** This command with its shared options ({@link OptionGroup}). */
    public static CommandLine create(CliContext context) {
        ProfileShowCommand command = new ProfileShowCommand(context);
        return OptionGroup.annotated(command, command.config, command.output);
    }

    private ProfileShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigLocation location = location(context, config);
        Config read = new ConfigReader().read(location);
        Profile profile = read.profile(name).orElseThrow(() -> LauncherException.usage("unknown profile '" + name + "' in "
                + location.path() + " (" + (read.profiles().isEmpty() ? "there are none yet"
                : "known: " + String.join(", ", read.profiles().keySet())) + "); see 'launch profile list'"));
        new ProfilePrinter(context.out()).show(location.path(), read, name, profile, output.json());
        return 0;
    }

    static ConfigLocation location(CliContext context, ConfigOptions config) {
        return ConfigLocation.resolve(config.file(), context.env(), context.home()).orElseThrow(() -> LauncherException.usage(
                "no config file location: HOME is not set; pass --config FILE or set " + ConfigLocation.ENV));
    }
}
