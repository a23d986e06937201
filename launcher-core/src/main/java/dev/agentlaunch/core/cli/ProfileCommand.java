package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.LauncherException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code launch profile list|show|save}: named tier sets in the config file. */
@Command(name = "profile", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "list|show|save",
        description = {"Named tier sets in the config file, used with 'launch <integration> --profile NAME'.",
                "'profile save' is the only command that writes the config file: atomically, keeping the previous "
                        + "file as config.json.bak and every other profile and setting as it was."},
        footerHeading = "%nExamples:%n",
        footer = {"  launch profile save coding --large qwen3:32b --medium qwen3:14b --small qwen3:4b",
                "  launch profile list",
                "  launch profile show coding --json",
                "  launch claude --profile coding"})
public final class ProfileCommand implements Callable<Integer> {

    /** The command with its subcommands, each handed the CLI context. */
    public static CommandLine create(CliContext context) {
        CommandLine cl = new CommandLine(new ProfileCommand());
        cl.addSubcommand(ProfileListCommand.create(context));
        cl.addSubcommand(ProfileShowCommand.create(context));
        cl.addSubcommand(ProfileSaveCommand.create(context));
        return cl;
    }

    @Override
    public Integer call() {
        throw LauncherException.usage("missing subcommand: use 'launch profile list', 'launch profile show NAME' "
                + "or 'launch profile save NAME --large MODEL ...'");
    }
}
