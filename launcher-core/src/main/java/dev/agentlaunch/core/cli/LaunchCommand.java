package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.LauncherException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level {@code launch} command: its subcommands are the integrations plus a few tools.
 * Declared in code, not with annotations: it is built on every launch (see {@link OptionGroup}).
 */
public final class LaunchCommand implements Callable<Integer> {
    private LaunchCommand() {
    }

    /** The root command with the global options; Main adds the subcommands a run needs. */
    public static CommandLine create() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new LaunchCommand()).name("launch")
                .versionProvider(new VersionProvider());
        spec.usageMessage().autoWidth(true).synopsisSubcommandLabel("INTEGRATION|COMMAND")
                .description("Start an AI coding-agent CLI against a model server (Ollama), with a different model on each",
                        "capability tier: large (main conversation), medium (subagents), small (titles, search).",
                        "The launcher never edits your config files: everything is set for the tool's process only.")
                .commandListHeading("%nIntegrations and commands:%n")
                .footerHeading("%nExamples:%n")
                .footer("  launch claude --large qwen3:32b --medium qwen3:14b --small qwen3:4b",
                        "  launch claude --model qwen3:8b -- -p \"explain this repo\"",
                        "  launch claude --large qwen3:32b --dry-run",
                        "  launch list-integrations",
                        "  launch doctor claude --model qwen3:8b",
                        "  launch profile save coding --large qwen3:32b --small qwen3:4b",
                        "  launch claude --profile coding",
                        "  eval \"$(launch env claude --large qwen3:32b --small qwen3:4b)\"",
                        "  source <(launch completion bash)",
                        "",
                        "Exit codes:",
                        "  the tool's own after a launch; otherwise",
                        "  0  success",
                        "  1  internal error (a bug: please report it, with --debug output)",
                        "  2  bad usage or bad input (unknown flag, invalid model name, no model for any tier)",
                        "  3  environment not ready (server down, tool not installed, model missing)",
                        "  4  plugin failure",
                        "  130  a model pull cancelled with Ctrl-C",
                        "",
                        "Environment: OLLAMA_HOST (server), AGENT_LAUNCH_PLUGINS (plugin dirs), AGENT_LAUNCH_CONFIG (config file), NO_COLOR.",
                        "Config file: $XDG_CONFIG_HOME/agent-launch/config.json (profiles, default tiers); see 'launch profile --help'.");
        OptionGroup.standardHelp(spec, true);
        new GlobalOptions().addTo(spec);
        return new CommandLine(spec);
    }

    @Override
    public Integer call() {
        throw LauncherException.usage("missing integration: name one, e.g. 'launch claude --model qwen3:8b' "
                + "(see 'launch --help' and 'launch list-integrations')");
    }
}
