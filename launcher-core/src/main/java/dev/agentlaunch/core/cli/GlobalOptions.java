package dev.agentlaunch.core.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts. {@link dev.agentlaunch.core.Main} reads them before picocli
 * runs (plugins must be found before their subcommands exist); declaring them here makes them
 * legal anywhere and documents them in every {@code --help}.
 */
public class GlobalOptions {
    @Option(names = "--plugins-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Look for plugin jars in DIR first (repeatable; before $AGENT_LAUNCH_PLUGINS, "
                    + "~/.local/share/agent-launch/plugins and the built-ins).")
    List<Path> pluginsDirs;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show plugin discovery, library logs and stack traces.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No notes on stderr (warnings and errors still show).")
    boolean quiet;
}
