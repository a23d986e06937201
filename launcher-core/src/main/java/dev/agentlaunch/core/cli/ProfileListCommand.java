package dev.agentlaunch.core.cli;

import picocli.CommandLine;
import dev.agentlaunch.core.config.Config;
import dev.agentlaunch.core.config.ConfigLocation;
import dev.agentlaunch.core.config.ConfigReader;
import dev.agentlaunch.core.output.ProfilePrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code launch profile list}: every profile with its tiers and host. */
@Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "List the config file's profiles: tiers, host, and which integrations use one by default.")
public final class ProfileListCommand implements Callable<Integer> {
    private final CliContext context;

    final ConfigOptions config = new ConfigOptions();

    final OutputOptions output = new OutputOptions();

    /** This command with its shared options ({@link OptionGroup}). */
    public static CommandLine create(CliContext context) {
        ProfileListCommand command = new ProfileListCommand(context);
        return OptionGroup.annotated(command, command.config, command.output);
    }

    private ProfileListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigLocation location = ProfileShowCommand.location(context, config);
        Config read = new ConfigReader().read(location);
        if (read.profiles().isEmpty() && !output.json()) {
            context.reporter().note("no profiles in " + location.path() + (location.exists() ? "" : " (no such file)")
                    + "; create one with 'launch profile save NAME --large MODEL --small MODEL'");
        }
        new ProfilePrinter(context.out()).list(location.path(), read, output.json());
        return 0;
    }
}
